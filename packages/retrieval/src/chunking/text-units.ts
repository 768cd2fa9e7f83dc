import { countWords } from './count-words.js';
import type { TextBlock } from './text-blocks.js';

/** The smallest piece chunks are built from: a sentence, a heading, a code block, or a piece of an over-long one. */
export interface TextUnit {
  /** Offset of its first non-blank character. */
  start: number;
  /** Offset one past its last non-blank character. */
  end: number;
  words: number;
  /** True for the first unit of a block: a chunk may end before it without splitting a paragraph. */
  startsBlock: boolean;
  /** True for a heading, which must not end a chunk. */
  heading: boolean;
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Cuts blocks into units: paragraphs into sentences (Unicode sentence boundaries, via `Intl.Segmenter`), headings
 * and code blocks whole. Anything longer than `maxWords` is cut into lines, and a line still too long between words.
 */
export function textUnits(text: string, blocks: readonly TextBlock[], maxWords: number): TextUnit[] {
  const units: TextUnit[] = [];
  for (const block of blocks) {
    const whole = trimmedRange(text, block.start, block.end);
    const pieces = block.kind === 'paragraph' ? sentences(text, block.start, block.end) : whole ? [whole] : [];
    const first = units.length;
    for (const [start, end] of pieces) units.push(...limitWords(text, start, end, maxWords, block.kind === 'heading'));
    if (units[first]) units[first].startsBlock = true;
  }
  return units;
}

function sentences(text: string, start: number, end: number): (readonly [number, number])[] {
  const ranges: (readonly [number, number])[] = [];
  for (const segment of sentenceSegmenter.segment(text.slice(start, end))) {
    const range = trimmedRange(text, start + segment.index, start + segment.index + segment.segment.length);
    if (range) ranges.push(range);
  }
  return ranges;
}

function limitWords(text: string, start: number, end: number, maxWords: number, heading: boolean): TextUnit[] {
  const words = countWords(text.slice(start, end));
  if (words <= maxWords) return [{ start, end, words, startsBlock: false, heading }];
  const slice = text.slice(start, end);
  if (slice.includes('\n')) {
    const lines = [...slice.matchAll(/[^\n]+/g)].map((line) => trimmedRange(text, start + line.index, start + line.index + line[0].length));
    return lines.flatMap((line) => (line ? limitWords(text, line[0], line[1], maxWords, heading) : []));
  }
  const wordRanges = [...slice.matchAll(/\S+/g)].map((match) => [start + match.index, start + match.index + match[0].length] as const);
  const units: TextUnit[] = [];
  for (let index = 0; index < wordRanges.length; index += maxWords) {
    const group = wordRanges.slice(index, index + maxWords);
    units.push({ start: group[0]?.[0] ?? start, end: group.at(-1)?.[1] ?? end, words: group.length, startsBlock: false, heading });
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
