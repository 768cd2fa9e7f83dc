/**
 * Writes rows of cells as a markdown pipe table: the first row is the header, then a `| --- |` delimiter row,
 * then one line per row, every row padded to the widest. A caption, when given, goes on the line directly
 * above the header row, which is where the chunker looks for it. Cell text has its whitespace collapsed and
 * `|` escaped.
 */
export function markdownTable(rows: readonly (readonly string[])[], caption = ''): string {
  const width = Math.max(0, ...rows.map((row) => row.length));
  if (width === 0) return caption;
  const line = (row: readonly string[]) =>
    `| ${Array.from({ length: width }, (_, index) => tableCell(row[index] ?? '')).join(' | ')} |`;
  const [header = [], ...body] = rows;
  const lines = [line(header), `|${' --- |'.repeat(width)}`, ...body.map(line)];
  const captionLine = tableCell(caption);
  return captionLine === '' ? lines.join('\n') : `${captionLine}\n${lines.join('\n')}`;
}

/** A cell's text on one line, with `|` escaped so it cannot end the cell. */
export function tableCell(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replaceAll('|', '\\|');
}
