import { attribute, childElements, removeNode, type DomElement, type DomParent } from './dom-node.js';
import { countNodeWords } from './node-words.js';

/** Elements whose text a reader never sees: the head, code, styles, templates. */
const notText = new Set(['head', 'title', 'script', 'style', 'noscript', 'template']);

/** Elements that are never content, wherever they are. */
const neverContent = new Set([
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
]);
/** Roles that are never content. */
const neverContentRoles = new Set(['navigation', 'search']);

/** Page furniture: boilerplate around the page, but content inside an article (its header, a side note). */
const furnitureElements = new Set(['header', 'footer', 'aside']);
const furnitureRoles = new Set(['banner', 'contentinfo', 'complementary']);

/**
 * Removes from the page what is not main content: scripts, styles, forms, navigation, `aria-hidden`
 * decorations, and page-level headers, footers and sidebars (those inside an `<article>` or `<main>` are kept).
 * Hidden text is removed before, by `removeHiddenContent`, which reports it. Returns the number of words a reader
 * would have seen in what was removed (the head, scripts, styles and templates hold none).
 */
export function removeBoilerplate(root: DomParent): number {
  return pruneChildren(root, false);
}

function pruneChildren(parent: DomParent, insideArticle: boolean): number {
  let removedWords = 0;
  for (const element of childElements(parent)) {
    if (notText.has(element.name)) {
      removeNode(element);
    } else if (isNeverContent(element) || (!insideArticle && isFurniture(element))) {
      removedWords += countNodeWords(element);
      removeNode(element);
    } else {
      removedWords += pruneChildren(element, insideArticle || isArticle(element));
    }
  }
  return removedWords;
}

function isNeverContent(element: DomElement): boolean {
  return (
    neverContent.has(element.name) ||
    attribute(element, 'aria-hidden') === 'true' ||
    neverContentRoles.has(attribute(element, 'role') ?? '')
  );
}

function isFurniture(element: DomElement): boolean {
  return furnitureElements.has(element.name) || furnitureRoles.has(attribute(element, 'role') ?? '');
}

/** `<article>`, `<main>` or `role="main"`: furniture inside it belongs to the content. */
export function isArticle(element: DomElement): boolean {
  return element.name === 'article' || element.name === 'main' || attribute(element, 'role') === 'main';
}
