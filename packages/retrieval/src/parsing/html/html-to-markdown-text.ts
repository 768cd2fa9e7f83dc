import { isElement, isText, textContent, type DomNode } from './dom-node.js';
import { isTableCaption, renderHtmlTable } from './html-table.js';
import { MarkdownTextWriter } from './markdown-text-writer.js';

const skipped = new Set(['head', 'title', 'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'img']);
const headingPattern = /^h([1-6])$/;

/**
 * Renders an element's content as markdown-flavoured plain text: headings become `#` lines (so chunking sees
 * them), paragraphs and other blocks are separated by blank lines, list items start with `- `, `<pre>` becomes
 * a fenced code block, and tables become markdown pipe tables (see `renderHtmlTable`).
 */
export function htmlToMarkdownText(root: DomNode): string {
  const writer = new MarkdownTextWriter();
  if ('children' in root) for (const child of root.children) renderNode(child, writer);
  return writer.toString();
}

function renderNode(node: DomNode, writer: MarkdownTextWriter): void {
  if (isText(node)) {
    writer.write(node.data);
    return;
  }
  if (!isElement(node) || skipped.has(node.name) || isTableCaption(node)) return;
  const name = node.name;
  const headingLevel = headingPattern.exec(name)?.[1];
  if (headingLevel !== undefined) {
    const text = collapse(textContent(node));
    if (text !== '') writer.block(`${'#'.repeat(Number(headingLevel))} ${text}`);
    return;
  }
  if (name === 'pre') return writer.block(`\`\`\`\n${textContent(node).replace(/\n+$/, '')}\n\`\`\``);
  if (name === 'table') return writer.block(renderHtmlTable(node));
  if (name === 'br' || name === 'hr') return writer.flush();
  if (name === 'li') {
    writer.startListItem();
    for (const child of node.children) renderNode(child, writer);
    return writer.endListItem();
  }
  const isBlock = !inlineElements.has(name);
  if (isBlock) writer.flush();
  for (const child of node.children) renderNode(child, writer);
  if (isBlock) writer.flush();
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const inlineElements = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);
