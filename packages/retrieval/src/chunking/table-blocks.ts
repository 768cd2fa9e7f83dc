import { splitLines, type TextLine } from '../markdown/markdown-lines.js';
import { countWords } from './count-words.js';
import type { TextBlock } from './text-blocks.js';

const delimiterRowPattern = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const tableCaptionPattern = /^[*_]*(?:table|tab\.)(?:\s|\d|:|\.)/i;
const longestCaptionWords = 30;

/**
 * Finds markdown pipe tables inside paragraph blocks (a row with `|`, then a delimiter row such as `| --- | :-: |`,
 * then rows while lines hold a `|`) and makes each a `table` block. The line directly above the header row is the
 * table's caption, as is a one-line paragraph just before the table that starts with "Table". A table block's
 * `header` spans caption, header row and delimiter row: the part repeated in every chunk of the table.
 */
export function findTables(text: string, blocks: readonly TextBlock[]): TextBlock[] {
  const result: TextBlock[] = [];
  for (const block of blocks) {
    if (block.kind !== 'paragraph') {
      result.push(block);
      continue;
    }
    for (const piece of splitParagraph(text, block)) {
      const previous = result.at(-1);
      if (
        piece.kind === 'table' &&
        previous &&
        isCaptionParagraph(text, previous) &&
        piece.header?.start === piece.start
      ) {
        result.pop();
        piece.start = previous.start;
        piece.header.start = previous.start;
      }
      result.push(piece);
    }
  }
  return result;
}

function splitParagraph(text: string, block: TextBlock): TextBlock[] {
  const lines = splitLines(text.slice(block.start, block.end)).map((line) => ({
    ...line,
    start: line.start + block.start,
    end: line.end + block.start,
  }));
  const pieces: TextBlock[] = [];
  let pieceStart = 0;
  let index = 0;
  while (index + 1 < lines.length) {
    if (!isHeaderRow(lines[index] as TextLine, lines[index + 1] as TextLine)) {
      index += 1;
      continue;
    }
    const captionIndex =
      index > pieceStart && countWords((lines[index - 1] as TextLine).text) <= longestCaptionWords ? index - 1 : index;
    if (captionIndex > pieceStart) pieces.push(paragraph(lines, pieceStart, captionIndex - 1));
    let last = index + 1;
    while (last + 1 < lines.length && (lines[last + 1] as TextLine).text.includes('|')) last += 1;
    const start = (lines[captionIndex] as TextLine).start;
    pieces.push({
      kind: 'table',
      start,
      end: (lines[last] as TextLine).end,
      header: { start, end: (lines[index + 1] as TextLine).end },
    });
    pieceStart = last + 1;
    index = last + 1;
  }
  if (pieceStart < lines.length) pieces.push(paragraph(lines, pieceStart, lines.length - 1));
  return pieces;
}

function isHeaderRow(line: TextLine, next: TextLine): boolean {
  return (
    (line.text.includes('|') || next.text.includes('|')) &&
    /[^\s|]/.test(line.text) &&
    delimiterRowPattern.test(next.text) &&
    next.text.includes('-')
  );
}

function isCaptionParagraph(text: string, block: TextBlock): boolean {
  const content = text.slice(block.start, block.end);
  return (
    block.kind === 'paragraph' &&
    !content.includes('\n') &&
    tableCaptionPattern.test(content.trim()) &&
    countWords(content) <= longestCaptionWords
  );
}

function paragraph(lines: readonly TextLine[], first: number, last: number): TextBlock {
  return { kind: 'paragraph', start: (lines[first] as TextLine).start, end: (lines[last] as TextLine).end };
}
