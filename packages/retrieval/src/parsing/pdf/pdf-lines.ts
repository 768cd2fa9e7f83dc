import type { TextContent } from 'pdfjs-dist/types/src/display/api.js';

/** A line of text on a PDF page. */
export interface PdfLine {
  text: string;
  /** Font size: the tallest glyph height on the line. */
  size: number;
  /** Baseline height on the page (PDF units, growing upwards). */
  y: number;
}

/** A page's lines, and the passages left out because no reader could see them. */
export interface PdfPageLines {
  lines: PdfLine[];
  hidden: string[];
}

/** Text under this font size (in PDF units, about points) is invisible on paper. */
const smallestVisibleSize = 1;

/**
 * Groups a page's text items into lines: an item that ends a line (`hasEOL`) or a jump in baseline starts the
 * next. Text smaller than one point, which no reader can see, is left out and returned as `hidden`. (pdf.js itself
 * leaves out text placed outside the page.)
 */
export function pdfPageLines(content: TextContent): PdfPageLines {
  const lines: PdfLine[] = [];
  const hidden: string[] = [];
  let current: PdfLine | undefined;
  const finish = () => {
    const text = current?.text.replace(/\s+/g, ' ').trim() ?? '';
    if (current && text !== '') lines.push({ ...current, text });
    current = undefined;
  };
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const size = Math.abs(item.transform[3] ?? item.height);
    const y = item.transform[5] ?? 0;
    if (item.str.trim() !== '' && size < smallestVisibleSize) {
      hidden.push(item.str.trim());
    } else if (item.str !== '') {
      if (current && Math.abs(current.y - y) > Math.max(current.size, size) * 0.5) finish();
      current ??= { text: '', size: 0, y };
      current.text += item.str;
      if (item.str.trim() !== '') current.size = Math.max(current.size, size);
    }
    if (item.hasEOL) finish();
  }
  finish();
  return { lines, hidden };
}
