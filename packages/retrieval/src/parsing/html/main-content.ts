import { Readability } from '@mozilla/readability';
import type { DomDocument, DomElement, DomNode } from './dom-node.js';
import { countNodeWords } from './node-words.js';

/**
 * The share of the cleaned body's words that a main-content candidate must hold to be kept alone. Below it the
 * candidate is taken for one section of a page whose text runs on around it (Readability picks one block of a
 * reference page made of many sibling sections), and the whole cleaned body is kept instead. Measured on Debian's
 * SQLite and Python HTML manuals (see this package's README): 0.6.
 */
export const minimumMainContentShare = 0.6;

/** The part of a page kept as its main content, and its words. */
export interface MainContent {
  /** The element (or Readability's article) whose content is the page's text. */
  root: DomNode;
  /** Words in it. */
  words: number;
  /** True when Readability ran: it rewrote the document, whose body can no longer be used as it was. */
  documentRewritten: boolean;
}

/**
 * The page's main content, or undefined when no candidate holds at least {@link minimumMainContentShare} of the
 * body's words: first the page's own landmark (its only `<main>` or `role="main"` element), then what Mozilla
 * Readability picks. Readability runs only when the landmark is missing or too small, since it is most of the cost.
 */
export function findMainContent(
  document: DomDocument,
  bodyWords: number,
): MainContent | { documentRewritten: boolean } {
  const landmark = mainLandmark(document);
  if (landmark) {
    const words = countNodeWords(landmark);
    if (holdsEnough(words, bodyWords)) return { root: landmark, words, documentRewritten: false };
  }
  const article = new Readability<DomNode>(document as never, readabilityOptions).parse();
  const content = article?.content;
  if (content) {
    const words = countNodeWords(content);
    if (holdsEnough(words, bodyWords)) return { root: content, words, documentRewritten: true };
  }
  return { documentRewritten: true };
}

/**
 * Readability gets one pass. By default, when its strict pass keeps under 500 characters, it re-parses the page and
 * tries again with looser rules, up to three times; such a small pick almost never holds the share of the page that
 * {@link findMainContent} asks for, so the retries' result was thrown away — and they were half of Readability's time
 * on Debian's SQLite manual (see this package's README). `charThreshold: 1` retries only when the pass kept nothing.
 * Classes and JSON-LD metadata are not read here, so Readability does not clean or parse them.
 */
const readabilityOptions = {
  serializer: (node: unknown) => node as DomNode,
  charThreshold: 1,
  keepClasses: true,
  disableJSONLD: true,
};

function holdsEnough(words: number, bodyWords: number): boolean {
  return words > 0 && words >= minimumMainContentShare * bodyWords;
}

/** The page's only outermost `<main>` / `role="main"` element, or undefined when it has none or several. */
function mainLandmark(document: DomDocument): DomElement | undefined {
  const landmarks = [...document.querySelectorAll('main, [role="main"]')];
  const outermost = landmarks.filter(
    (element) => !landmarks.some((other) => other !== element && other.contains(element)),
  );
  return outermost.length === 1 ? outermost[0] : undefined;
}
