import { closesFence, fenceMarker, isBlankLine, splitLines } from '../markdown/markdown-lines.js';

/** A block of a section: a heading, a fenced code block, a paragraph (lines up to a blank line), or a table. */
export interface TextBlock {
  kind: 'heading' | 'code' | 'paragraph' | 'table';
  start: number;
  end: number;
  /** For a table: its caption, header row and delimiter row, repeated in every chunk of the table. */
  header?: { start: number; end: number };
}

/**
 * Splits `text.slice(start, end)` into blocks. `headingEnds` maps the start offset of each of the document's
 * headings to its end (any that start inside the range become heading blocks); the caller builds it once per
 * document, so a document with many sections is split in time linear in its length. Blank lines separate
 * paragraphs; a fenced code block is one block up to its closing fence.
 */
export function textBlocks(
  text: string,
  start: number,
  end: number,
  headingEnds: ReadonlyMap<number, number>,
): TextBlock[] {
  const blocks: TextBlock[] = [];
  let current: TextBlock | undefined;
  let openFence: string | undefined;
  let skipUntil = start;
  const finish = () => {
    if (current) blocks.push(current);
    current = undefined;
  };
  for (const line of splitLines(text.slice(start, end))) {
    const lineStart = start + line.start;
    const lineEnd = start + line.end;
    if (current && openFence !== undefined) {
      current.end = lineEnd;
      if (closesFence(line.text, openFence)) {
        openFence = undefined;
        finish();
      }
      continue;
    }
    if (lineStart < skipUntil) continue;
    const headingEnd = headingEnds.get(lineStart);
    if (headingEnd !== undefined && lineStart < end) {
      finish();
      // A heading cut by a page break (a setext underline on the next page) ends with the range.
      blocks.push({ kind: 'heading', start: lineStart, end: Math.min(headingEnd, end) });
      skipUntil = headingEnd;
      continue;
    }
    if (isBlankLine(line.text)) {
      finish();
      continue;
    }
    openFence = fenceMarker(line.text);
    if (openFence !== undefined) {
      finish();
      current = { kind: 'code', start: lineStart, end: lineEnd };
    } else if (current) {
      current.end = lineEnd;
    } else {
      current = { kind: 'paragraph', start: lineStart, end: lineEnd };
    }
  }
  finish();
  return blocks;
}
