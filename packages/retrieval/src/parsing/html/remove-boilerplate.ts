import type { DomDocument, DomElement } from './dom-node.js';

/** Elements that are never content, wherever they are. */
const neverContent = [
  'script', 'style', 'noscript', 'template', 'form', 'iframe', 'object', 'embed', 'svg', 'canvas',
  'button', 'select', 'input', 'textarea', 'nav', 'dialog',
  '[aria-hidden="true"]', '[role="navigation"]', '[role="search"]',
].join(', ');

/** Page furniture: boilerplate around the page, but content inside an article (its header, a side note). */
const pageFurniture = [
  'header', 'footer', 'aside', '[role="banner"]', '[role="contentinfo"]', '[role="complementary"]',
].join(', ');

/**
 * Removes from the document what is not main content: scripts, styles, forms, navigation, `aria-hidden`
 * decorations, and page-level headers, footers and sidebars (those inside an `<article>` or `<main>` are kept).
 * Hidden text is removed before, by `removeHiddenContent`, which reports it.
 */
export function removeBoilerplate(document: DomDocument): void {
  removeAll([...document.querySelectorAll(neverContent)]);
  removeAll([...document.querySelectorAll(pageFurniture)].filter((element) => !insideArticle(element)));
}

function insideArticle(element: DomElement): boolean {
  const container = element.closest('article, main, [role="main"]');
  return container !== null && container !== element;
}

function removeAll(elements: DomElement[]): void {
  for (const element of elements) element.remove();
}
