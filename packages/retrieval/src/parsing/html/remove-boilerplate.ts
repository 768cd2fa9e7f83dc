import type { DomDocument, DomElement } from './dom-node.js';
import { countNodeWords } from './node-words.js';

/** Elements whose text a reader never sees: code, styles, templates. */
const notText = ['script', 'style', 'noscript', 'template'].join(', ');

/** Elements that are never content, wherever they are. */
const neverContent = [
  'form',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'button',
  'select',
  'input',
  'textarea',
  'nav',
  'dialog',
  '[aria-hidden="true"]',
  '[role="navigation"]',
  '[role="search"]',
].join(', ');

/** Page furniture: boilerplate around the page, but content inside an article (its header, a side note). */
const pageFurniture = [
  'header',
  'footer',
  'aside',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="complementary"]',
].join(', ');

/**
 * Removes from the document what is not main content: scripts, styles, forms, navigation, `aria-hidden`
 * decorations, and page-level headers, footers and sidebars (those inside an `<article>` or `<main>` are kept).
 * Hidden text is removed before, by `removeHiddenContent`, which reports it. Returns the number of words a reader
 * would have seen in what was removed (scripts, styles and templates hold none).
 */
export function removeBoilerplate(document: DomDocument): number {
  removeAll([...document.querySelectorAll(notText)]);
  return (
    removeAll([...document.querySelectorAll(neverContent)]) +
    removeAll([...document.querySelectorAll(pageFurniture)].filter((element) => !insideArticle(element)))
  );
}

function insideArticle(element: DomElement): boolean {
  const container = element.closest('article, main, [role="main"]');
  return container !== null && container !== element;
}

/** Removes the elements; returns the words they held (an element inside one removed before counts once). */
function removeAll(elements: DomElement[]): number {
  let words = 0;
  for (const element of elements) {
    if (!element.isConnected) continue;
    words += countNodeWords(element);
    element.remove();
  }
  return words;
}
