import { tableCell } from '../text/markdown-table.js';

/**
 * A CSV's rows as one markdown pipe table, like `markdownTable` but for any number of rows: the header is the first
 * row, every row is padded to the widest, and the width is found in a loop rather than by spreading a million rows
 * into `Math.max`, which overflows the call stack ("Maximum call stack size exceeded" on a 10⁶-row CSV).
 */
export function csvTableText(rows: readonly (readonly string[])[]): string {
  let width = 0;
  for (const row of rows) if (row.length > width) width = row.length;
  if (width === 0) return '';
  const lines: string[] = [];
  for (const row of rows) {
    const cells: string[] = [];
    for (let index = 0; index < width; index += 1) cells.push(tableCell(row[index] ?? ''));
    lines.push(`| ${cells.join(' | ')} |`);
    if (lines.length === 1) lines.push(`|${' --- |'.repeat(width)}`);
  }
  return lines.join('\n');
}
