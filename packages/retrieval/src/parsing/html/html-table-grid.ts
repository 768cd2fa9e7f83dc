import { attribute, childElements, textContent, type DomElement } from './dom-node.js';

/** Most columns one cell may span (`colspan`), so a hostile table cannot make a row of millions of cells. */
const maximumColumnSpan = 50;

/**
 * Lays the cells of a table's rows out on a grid, as a browser does, so every column of the markdown table holds
 * the same column of the HTML table. A cell spanning several columns (`colspan`) writes its text once, in its first
 * column, and leaves the columns after it empty: the row still reads as its text once. A cell spanning several rows
 * (`rowspan`, `0` meaning "to the last row") repeats its text in the same column of every row it covers: the
 * chunker may split a table between rows, and each row must keep its value (a region, a date) to stand alone.
 * Spans are clamped to the table's rows and to {@link maximumColumnSpan} columns.
 */
export function tableGrid(rows: readonly DomElement[]): string[][] {
  const grid: string[][] = rows.map(() => []);
  rows.forEach((row, rowIndex) => {
    const line = grid[rowIndex]!;
    let column = 0;
    for (const cell of childElements(row)) {
      if (cell.name !== 'td' && cell.name !== 'th') continue;
      // Skip the columns that cells from rows above still cover.
      while (line[column] !== undefined) column += 1;
      const text = textContent(cell);
      const columnSpan = Math.min(maximumColumnSpan, Math.max(1, spanAttribute(cell, 'colspan') ?? 1));
      const rowSpanAttribute = spanAttribute(cell, 'rowspan') ?? 1;
      const rowsLeft = rows.length - rowIndex;
      const rowSpan = rowSpanAttribute === 0 ? rowsLeft : Math.min(rowsLeft, Math.max(1, rowSpanAttribute));
      for (let spannedRow = 0; spannedRow < rowSpan; spannedRow += 1) {
        const target = grid[rowIndex + spannedRow]!;
        for (let offset = 0; offset < columnSpan; offset += 1) target[column + offset] = offset === 0 ? text : '';
      }
      column += columnSpan;
    }
  });
  // Columns no cell covers (a short row before a spanned one) read as empty cells.
  return grid.map((line) => Array.from({ length: line.length }, (_, index) => line[index] ?? ''));
}

function spanAttribute(cell: DomElement, name: 'colspan' | 'rowspan'): number | undefined {
  const value = Number.parseInt(attribute(cell, name) ?? '', 10);
  return Number.isNaN(value) || value < 0 ? undefined : value;
}
