import type * as Htmlparser2 from 'htmlparser2';
import { findElement, type DomDocument, type DomNode, type DomParent } from './dom-node.js';

/** htmlparser2, once {@link parseHtmlDocument} has loaded it. */
let htmlparser2: typeof Htmlparser2 | undefined;

/**
 * Most levels of nested elements a page may have. The walks over the tree recurse; real pages nest a few dozen
 * levels, and a page nested thousands deep (made to exhaust the stack) is refused with a message that says so.
 */
export const maximumNestingDepth = 2_000;

/**
 * Parses a page or a fragment into htmlparser2's tree: tag and attribute names lower-cased, entities decoded,
 * the text of `<script>` and `<style>` kept raw. The parser loads with the first page, not with the package.
 *
 * @throws Error when elements nest deeper than {@link maximumNestingDepth} (the parser reports it as `parse_failed`).
 */
export async function parseHtmlDocument(html: string): Promise<DomDocument> {
  htmlparser2 ??= await import('htmlparser2');
  const document = htmlparser2.parseDocument(html, {
    decodeEntities: true,
    lowerCaseTags: true,
    lowerCaseAttributeNames: true,
  });
  if (nestedDeeperThan(document, maximumNestingDepth)) {
    throw new Error(`its elements are nested more than ${maximumNestingDepth} levels deep`);
  }
  return document;
}

/** True when some node lies more than `depth` levels below `root` (walked without recursion). */
function nestedDeeperThan(root: DomParent, depth: number): boolean {
  const stack: [DomNode, number][] = [[root, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, level] = entry;
    if (level > depth) return true;
    if ('children' in node) for (const child of node.children) stack.push([child, level + 1]);
  }
  return false;
}

/** The page's `<body>`, or the whole document for a fragment or a page written without one. */
export function pageBody(document: DomDocument): DomParent {
  return findElement(document, (element) => element.name === 'body') ?? document;
}
