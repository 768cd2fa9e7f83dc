import type { PdfLine } from './pdf-lines.js';

/** The text of a PDF and where each page starts in it. */
export interface PdfText {
  text: string;
  pageStarts: number[];
  /** The first level-1 heading, a fallback title. */
  firstHeading: string | undefined;
}

/** A line at least this much larger than the body text, and short, is taken for a heading. */
const headingScale = 1.15;
const longestHeadingWords = 12;

/**
 * Lays out the lines of every page as text: lines far apart (more than 1.6 line heights) or of different sizes
 * start a new paragraph; short lines set clearly larger than the body text (the size that covers the most
 * characters) become markdown headings, the largest size `#`, the next `##`, then `###`. Words hyphenated across
 * a line break are joined. Body lines that markdown would misread (`# …`, `---`, fences) are escaped. Pages are
 * joined by a blank line.
 */
export function layOutPdfText(pages: readonly (readonly PdfLine[])[]): PdfText {
  const bodySize = dominantSize(pages.flat());
  const headingSizes = [
    ...new Set(
      pages
        .flat()
        .filter((line) => isHeading(line, bodySize))
        .map((line) => roundSize(line.size)),
    ),
  ].sort((first, second) => second - first);
  const headingMarker = (line: PdfLine) => '#'.repeat(Math.min(3, headingSizes.indexOf(roundSize(line.size)) + 1));

  let firstHeading: string | undefined;
  const pageTexts = pages.map((lines) => {
    const blocks: string[] = [];
    let previous: PdfLine | undefined;
    for (const line of lines) {
      const heading = isHeading(line, bodySize);
      const sameBlock =
        previous !== undefined && !startsParagraph(previous, line) && heading === isHeading(previous, bodySize);
      if (sameBlock) {
        blocks.push(joinLines(blocks.pop() ?? '', line.text, heading));
      } else if (heading) {
        if (headingMarker(line) === '#') firstHeading ??= line.text;
        blocks.push(`${headingMarker(line)} ${line.text}`);
      } else {
        blocks.push(escapeMarkdown(line.text));
      }
      previous = line;
    }
    return blocks.join('\n\n');
  });

  const pageStarts: number[] = [];
  let offset = 0;
  for (const pageText of pageTexts) {
    pageStarts.push(offset);
    offset += pageText.length + 2;
  }
  return { text: pageTexts.join('\n\n'), pageStarts, firstHeading };
}

/** Adds a line to a block: a heading continues on the same line; a word hyphenated at the break is joined. */
function joinLines(block: string, line: string, heading: boolean): string {
  if (/\p{L}-$/u.test(block) && /^\p{Ll}/u.test(line)) return `${block.slice(0, -1)}${line}`;
  return heading ? `${block} ${line}` : `${block}\n${escapeMarkdown(line)}`;
}

function startsParagraph(previous: PdfLine, line: PdfLine): boolean {
  const gap = previous.y - line.y;
  return gap < 0 || gap > Math.max(previous.size, line.size) * 1.6 || Math.abs(previous.size - line.size) > 0.5;
}

function isHeading(line: PdfLine, bodySize: number): boolean {
  if (line.size < bodySize * headingScale || !/\p{L}/u.test(line.text)) return false;
  return line.text.split(/\s+/).length <= longestHeadingWords && !/[.,;:]$/.test(line.text);
}

/** The font size covering the most characters. */
function dominantSize(lines: readonly PdfLine[]): number {
  const characters = new Map<number, number>();
  for (const line of lines)
    characters.set(roundSize(line.size), (characters.get(roundSize(line.size)) ?? 0) + line.text.length);
  let best = 0;
  for (const [size, count] of characters) if (count > (characters.get(best) ?? 0)) best = size;
  return best;
}

function roundSize(size: number): number {
  return Math.round(size * 2) / 2;
}

function escapeMarkdown(line: string): string {
  return /^(#{1,6}(\s|$)|=+$|-+$|```|~~~)/.test(line) ? `\\${line}` : line;
}
