import { countWords } from '../text/count-words.js';
import { isElement, textNode, type DomNode } from './dom-node.js';

/**
 * The words in a node's text, counted text node by text node: `textContent` runs the text of neighbouring blocks
 * together (`<li>one</li><li>two</li>` reads `onetwo`), which would undercount lists and headings.
 */
export function countNodeWords(node: DomNode): number {
  if (node.nodeType === textNode) return countWords(node.textContent);
  if (!isElement(node) && node.nodeType !== documentFragmentNode) return 0;
  let words = 0;
  for (const child of node.childNodes) words += countNodeWords(child);
  return words;
}

/** `Node.DOCUMENT_FRAGMENT_NODE`. */
const documentFragmentNode = 11;
