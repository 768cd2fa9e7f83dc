import { findElements, isInside, removeNode, type DomElement, type DomParent } from './dom-node.js';
import { findFurnitureBlocks } from './furniture-blocks.js';
import { countNodeWords } from './node-words.js';

/**
 * The share of the cleaned body's words that the main content must hold. A landmark holding less is taken for
 * one part of a page whose text runs on around it, and furniture blocks that would leave less are kept: the page
 * is then mostly what those rules call furniture (an index of links), and is kept whole. Measured on Debian's
 * SQLite and Python HTML manuals (see this package's README): 0.6.
 */
export const minimumMainContentShare = 0.6;

/** The part of a page kept as its main content, and its words. */
export interface MainContent {
  /** The element (or the whole cleaned body) whose content is the page's text. */
  root: DomParent;
  /** Words in it. */
  words: number;
}

/**
 * The page's main content: its own landmark (its only outermost `<main>` or `role="main"` element, else its only
 * outermost `<article>`) when that holds at least {@link minimumMainContentShare} of the body's words; else the
 * body without its furniture blocks (see `findFurnitureBlocks`), when they leave that share; else the whole body.
 */
export function findMainContent(body: DomParent, bodyWords: number): MainContent {
  const articles: DomElement[] = [];
  const mains = findElements(body, (element) => {
    if (element.name === 'article') articles.push(element);
    return element.name === 'main' || element.attribs['role'] === 'main';
  });
  const landmark = onlyOutermost(mains) ?? onlyOutermost(articles);
  if (landmark) {
    const words = countNodeWords(landmark);
    if (holdsEnough(words, bodyWords)) return { root: landmark, words };
  }
  const furniture = findFurnitureBlocks(body, bodyWords);
  if (furniture.words === 0 || !holdsEnough(bodyWords - furniture.words, bodyWords))
    return { root: body, words: bodyWords };
  for (const element of furniture.elements) removeNode(element);
  return { root: body, words: bodyWords - furniture.words };
}

function holdsEnough(words: number, bodyWords: number): boolean {
  return words > 0 && words >= minimumMainContentShare * bodyWords;
}

/** The only element of `elements` not inside another, or undefined when there are none or several. */
function onlyOutermost(elements: DomElement[]): DomElement | undefined {
  const outermost = elements.filter(
    (element) => !elements.some((other) => other !== element && isInside(element, other)),
  );
  return outermost.length === 1 ? outermost[0] : undefined;
}
