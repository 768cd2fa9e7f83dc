import type { DocumentWarning } from '@andes-rag/core';
import type * as Linkedom from 'linkedom';
import type { ParsedText } from '../document-parser.js';
import { boilerplateWarning } from '../text/boilerplate-warning.js';
import type { DomDocument, DomNode } from './dom-node.js';
import { removeHiddenContent } from './hidden-content.js';
import { headingLevelAttribute, htmlToMarkdownText } from './html-to-markdown-text.js';
import { findMainContent } from './main-content.js';
import { countNodeWords } from './node-words.js';
import { removeBoilerplate } from './remove-boilerplate.js';

/** linkedom, once {@link extractHtmlText} has loaded it. */
let linkedom: typeof Linkedom | undefined;

/** How {@link extractHtmlText} reads a page. */
export interface HtmlTextOptions {
  /**
   * Keep only the main content (see `findMainContent`), falling back to the cleaned body when no candidate holds
   * most of its text, and report what was left out: right for web pages, wrong for converted documents (DOCX),
   * which are all content.
   */
  mainContent: boolean;
}

/**
 * The text of an HTML page or fragment: hidden text removed (and reported), then scripts, styles, forms,
 * navigation and page furniture, then (optionally) everything but the main content, with a `boilerplate_removed`
 * (or `most_text_removed`) warning counting the words left out. Only the part kept is converted: headings become
 * markdown `#` lines at their original level, tables markdown pipe tables. Title: `<title>` (or the first `<h1>`
 * when `<title>` is that heading plus a site name), else the first `<h1>`.
 */
export async function extractHtmlText(html: string, options: HtmlTextOptions): Promise<ParsedText> {
  // linkedom (about 200 modules with its CSS and entity libraries) loads with the first page, not with the package.
  linkedom ??= await import('linkedom');
  let page = cleanPage(html);
  const warnings: DocumentWarning[] = page.hiddenText ? [page.hiddenText] : [];
  let root: DomNode | null = page.document.body;
  if (options.mainContent) {
    const bodyWords = page.document.body ? countNodeWords(page.document.body) : 0;
    const main = findMainContent(page.document, bodyWords);
    let keptWords = bodyWords;
    if ('root' in main) {
      root = main.root;
      keptWords = main.words;
    } else if (main.documentRewritten) {
      // Readability rewrote the document: clean the page again rather than copy every page in case it is needed.
      page = cleanPage(html);
      root = page.document.body;
    }
    const warning = boilerplateWarning({ visibleWords: bodyWords + page.removedWords, keptWords });
    if (warning) warnings.push(warning);
  }
  const text = root ? htmlToMarkdownText(root) : '';
  return { text, ...(page.title === '' ? {} : { title: page.title }), ...(warnings.length > 0 ? { warnings } : {}) };
}

/** A parsed page with hidden text and page furniture removed. */
interface CleanPage {
  document: DomDocument;
  title: string;
  /** The `hidden_text` warning, when hidden text was removed. */
  hiddenText: DocumentWarning | undefined;
  /** Words a reader would have seen in the furniture removed. */
  removedWords: number;
}

function cleanPage(html: string): CleanPage {
  const document = parseHtmlDocument(html);
  const title = pageTitle(document);
  const hiddenText = removeHiddenContent(document);
  const removedWords = removeBoilerplate(document);
  // Readability rewrites `<h1>` as `<h2>`: the original level travels in an attribute.
  for (const heading of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    heading.setAttribute(headingLevelAttribute, heading.localName.slice(1));
  }
  return { document, title, hiddenText, removedWords };
}

function parseHtmlDocument(html: string): DomDocument {
  const page = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  if (!linkedom) throw new Error('linkedom is loaded by extractHtmlText before any page is parsed');
  return linkedom.parseHTML(page).document as DomDocument;
}

/** `<title>`, or the first `<h1>` when it is all of `<title>` but a site-name suffix ("Page | Site"). */
function pageTitle(document: DomDocument): string {
  const titleElement = collapse(document.querySelector('title')?.textContent);
  const firstHeading = collapse(document.querySelector('h1')?.textContent);
  if (firstHeading !== '' && titleElement.includes(firstHeading)) return firstHeading;
  return titleElement || firstHeading;
}

function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
