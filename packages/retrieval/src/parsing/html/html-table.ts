import {
  attribute,
  childElements,
  findElement,
  nextElement,
  parentElement,
  previousElement,
  textContent,
  type DomElement,
} from './dom-node.js';
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
  if (element.name === 'figcaption') {
    const figure = parentElement(element);
    return figure !== null && findElement(figure, (inside) => inside.name === 'table') !== undefined;
  }
  if (!isCaptionParagraph(element)) return false;
  if (nextElement(element)?.name === 'table') return true;
  const previous = previousElement(element);
  return previous?.name === 'table' && !isCaptionParagraph(previousElement(previous));
}

function tableCaption(table: DomElement): string {
  const caption = childElements(table).find((child) => child.name === 'caption');
  const parent = parentElement(table);
  const figure = parent?.name === 'figure' ? parent : null;
  const figureCaption = figure ? childElements(figure).find((child) => child.name === 'figcaption') : undefined;
  const previous = previousElement(table);
  const before = isCaptionParagraph(previous) ? previous : null;
  const next = nextElement(table);
  const after = next && isCaptionParagraph(next) && nextElement(next)?.name !== 'table' ? next : null;
  const chosen = caption ?? figureCaption ?? before ?? after;
  return chosen ? textContent(chosen) : '';
}

function isCaptionParagraph(element: DomElement | null): boolean {
  return element?.name === 'p' && (attribute(element, 'class') ?? '').split(/\s+/).includes(captionClass);
}

function directRows(table: DomElement): DomElement[] {
  const rows: DomElement[] = [];
  for (const child of childElements(table)) {
    if (child.name === 'tr') rows.push(child);
    if (['thead', 'tbody', 'tfoot'].includes(child.name))
      rows.push(...childElements(child).filter((row) => row.name === 'tr'));
  }
  return rows;
}
