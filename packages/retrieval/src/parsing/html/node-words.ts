import { countWords } from '../text/count-words.js';
import { isText, type DomNode } from './dom-node.js';

/**
 * The words in a node's text, counted text node by text node: the joined text of neighbouring blocks runs
 * together (`<li>one</li><li>two</li>` reads `onetwo`), which would undercount lists and headings.
 */
export function countNodeWords(node: DomNode): number {
  if (isText(node)) return countWords(node.data);
  if (!('children' in node)) return 0;
  let words = 0;
  for (const child of node.children) words += countNodeWords(child);
  return words;
}
