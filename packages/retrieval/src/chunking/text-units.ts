import { countWords, wordRanges as findWordRanges } from './count-words.js';
import { sentenceRanges } from './sentence-ranges.js';
import type { TextBlock } from './text-blocks.js';

/**
 * The smallest piece chunks are built from: a sentence, a heading, a code block, a table's header or one of its
 * rows, or a piece of an over-long one.
 */
export interface TextUnit {
  /** Offset of its first non-blank character. */
  start: number;
  /** Offset one past its last non-blank character. */
  end: number;
  words: number;
  /** True for the first unit of a block (and for every table row): a chunk may end before it without splitting a paragraph. */
  startsBlock: boolean;
  /** True for a heading or a table header, which must not end a chunk. */
  keepWithNext: boolean;
  /** For a table row: the table's caption, header row and delimiter row, repeated when a chunk starts at this row. */
  tableHeader?: { start: number; end: number; words: number };
}

/**
 * Cuts blocks into units: paragraphs into sentences (Unicode sentence boundaries, see {@link sentenceRanges}), headings
 * and code blocks whole, tables into their header and one unit per row. Anything longer than `maxWords` is cut
 * into lines, and a line still too long between words.
 */
export function textUnits(text: string, blocks: readonly TextBlock[], maxWords: number): TextUnit[] {
  const units: TextUnit[] = [];
  for (const block of blocks) {
    if (block.kind === 'table' && block.header) {
      for (const unit of tableUnits(text, block, block.header, maxWords)) units.push(unit);
      continue;
    }
    const whole = trimmedRange(text, block.start, block.end);
    const pieces = block.kind === 'paragraph' ? sentences(text, block.start, block.end) : whole ? [whole] : [];
    const first = units.length;
    for (const [start, end] of pieces)
      for (const unit of limitWords(text, start, end, maxWords, block.kind === 'heading')) units.push(unit);
    if (units[first]) units[first].startsBlock = true;
  }
  return units;
}

function tableUnits(
  text: string,
  block: TextBlock,
  header: { start: number; end: number },
  maxWords: number,
): TextUnit[] {
  const [headerStart, headerEnd] = trimmedRange(text, header.start, header.end) ?? [header.start, header.end];
  const headerUnits = limitWords(text, headerStart, headerEnd, maxWords, true);
  if (headerUnits[0]) headerUnits[0].startsBlock = true;
  const tableHeader = { start: headerStart, end: headerEnd, words: countWords(text.slice(headerStart, headerEnd)) };
  const rowUnits: TextUnit[] = [];
  for (const row of text.slice(header.end, block.end).matchAll(/[^\n]+/g)) {
    const range = trimmedRange(text, header.end + row.index, header.end + row.index + row[0].length);
    if (!range) continue;
    const pieces = limitWords(text, range[0], range[1], maxWords, false).map((unit) => ({ ...unit, tableHeader }));
    if (pieces[0]) pieces[0].startsBlock = true;
    for (const piece of pieces) rowUnits.push(piece);
  }
  return [...headerUnits, ...rowUnits];
}

function sentences(text: string, start: number, end: number): (readonly [number, number])[] {
  const ranges: (readonly [number, number])[] = [];
  for (const [sentenceStart, sentenceEnd] of sentenceRanges(text, start, end)) {
    const range = trimmedRange(text, sentenceStart, sentenceEnd);
    if (range) ranges.push(range);
  }
  return ranges;
}

function limitWords(text: string, start: number, end: number, maxWords: number, keepWithNext: boolean): TextUnit[] {
  const words = countWords(text.slice(start, end));
  if (words <= maxWords) return [{ start, end, words, startsBlock: false, keepWithNext }];
  const slice = text.slice(start, end);
  if (slice.includes('\n')) {
    const lines = [...slice.matchAll(/[^\n]+/g)].map((line) =>
      trimmedRange(text, start + line.index, start + line.index + line[0].length),
    );
    return lines.flatMap((line) => (line ? limitWords(text, line[0], line[1], maxWords, keepWithNext) : []));
  }
  const wordRanges = findWordRanges(slice, start);
  const units: TextUnit[] = [];
  for (let index = 0; index < wordRanges.length; index += maxWords) {
    const group = wordRanges.slice(index, index + maxWords);
    units.push({
      start: group[0]?.[0] ?? start,
      end: group.at(-1)?.[1] ?? end,
      words: group.length,
      startsBlock: false,
      keepWithNext,
    });
  }
  return units;
}

/** The range without leading and trailing whitespace, or undefined when it is all whitespace. */
function trimmedRange(text: string, start: number, end: number): readonly [number, number] | undefined {
  let first = start;
  let last = end;
  while (first < last && /\s/.test(text[first] as string)) first += 1;
  while (last > first && /\s/.test(text[last - 1] as string)) last -= 1;
  return first < last ? [first, last] : undefined;
}
