import type * as Htmlparser2 from 'htmlparser2';
import { findElement, type DomDocument, type DomParent } from './dom-node.js';

/** htmlparser2, once {@link parseHtmlDocument} has loaded it. */
let htmlparser2: typeof Htmlparser2 | undefined;

/**
 * Parses a page or a fragment into htmlparser2's tree: tag and attribute names lower-cased, entities decoded,
 * the text of `<script>` and `<style>` kept raw. The parser loads with the first page, not with the package.
 */
export async function parseHtmlDocument(html: string): Promise<DomDocument> {
  htmlparser2 ??= await import('htmlparser2');
  return htmlparser2.parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}

/** The page's `<body>`, or the whole document for a fragment or a page written without one. */
export function pageBody(document: DomDocument): DomParent {
  return findElement(document, (element) => element.name === 'body') ?? document;
}
