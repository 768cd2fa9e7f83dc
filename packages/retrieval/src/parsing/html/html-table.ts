import type { DomElement } from './dom-node.js';
import { markdownTable } from '../text/markdown-table.js';
import { tableGrid } from './html-table-grid.js';

/** Class mammoth gives paragraphs in Word's "Caption" style (see the DOCX parser's style map). */
export const captionClass = 'andes-caption';

/**
 * Renders an HTML table as a markdown pipe table. The header row is the table's first row (a `<thead>` row
 * when there is one); cells spanning several columns or rows are laid out as a browser does (see {@link tableGrid}),
 * so the columns stay aligned. The caption is the `<caption>`, else the `<figcaption>` of a `<figure>` holding the table,
 * else a Word caption paragraph right before or after it. Nested tables are flattened into their cell's text.
 */
export function renderHtmlTable(table: DomElement): string {
  const rows = tableGrid(directRows(table)).filter((cells) => cells.some((cell) => cell !== ''));
  return markdownTable(rows, tableCaption(table));
}

/** True for a Word caption paragraph or `<figcaption>` that {@link renderHtmlTable} already writes with its table. */
export function isTableCaption(element: DomElement): boolean {
  if (element.localName === 'figcaption') return element.parentElement?.querySelector('table') != null;
  if (!isCaptionParagraph(element)) return false;
  if (element.nextElementSibling?.localName === 'table') return true;
  const previous = element.previousElementSibling;
  return previous?.localName === 'table' && !isCaptionParagraph(previous.previousElementSibling);
}

function tableCaption(table: DomElement): string {
  const caption = [...table.children].find((child) => child.localName === 'caption');
  const figure = table.parentElement?.localName === 'figure' ? table.parentElement : null;
  const figureCaption = figure ? [...figure.children].find((child) => child.localName === 'figcaption') : undefined;
  const before = isCaptionParagraph(table.previousElementSibling) ? table.previousElementSibling : null;
  const next = table.nextElementSibling;
  const after = isCaptionParagraph(next) && next?.nextElementSibling?.localName !== 'table' ? next : null;
  return (caption ?? figureCaption ?? before ?? after)?.textContent ?? '';
}

function isCaptionParagraph(element: DomElement | null): boolean {
  return element?.localName === 'p' && (element.getAttribute('class') ?? '').split(/\s+/).includes(captionClass);
}

function directRows(table: DomElement): DomElement[] {
  const rows: DomElement[] = [];
  for (const child of table.children) {
    if (child.localName === 'tr') rows.push(child);
    if (['thead', 'tbody', 'tfoot'].includes(child.localName))
      rows.push(...[...child.children].filter((row) => row.localName === 'tr'));
  }
  return rows;
}
