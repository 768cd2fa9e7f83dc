import type { ResolvedChunkOptions } from './chunk-options.js';
import type { TextUnit } from './text-units.js';

/** A chunk's range in the document text. */
export interface UnitRange {
  start: number;
  end: number;
  /** For a chunk starting inside a table: the table's header, to put before the chunk's text. */
  header?: { start: number; end: number };
}

/**
 * Packs the units of one section into chunks of about `targetWords` words. A chunk grows unit by unit while it
 * fits; when the next unit does not, the chunk ends at the last paragraph boundary (or table row) if that keeps it
 * at least half full, else at the sentence boundary. A chunk never ends on a heading or a table header. A short
 * remainder (the rest of the section fits within 1.25 × target) joins the current chunk rather than making a tiny
 * one. When a cut falls inside a paragraph, the next chunk starts up to `overlapWords` words earlier, at a sentence
 * boundary. A chunk that starts at a table row carries the table's header, whose words count towards its size.
 */
export function packUnits(units: readonly TextUnit[], options: ResolvedChunkOptions): UnitRange[] {
  const { targetWords, overlapWords } = options;
  const wordsBefore = [0];
  for (const unit of units) wordsBefore.push((wordsBefore.at(-1) as number) + unit.words);
  const wordsBetween = (first: number, next: number) => (wordsBefore[next] as number) - (wordsBefore[first] as number);
  const unit = (index: number) => units[index] as TextUnit;

  const ranges: UnitRange[] = [];
  let first = 0;
  while (first < units.length) {
    const header = unit(first).tableHeader;
    const size = (next: number) => (header?.words ?? 0) + wordsBetween(first, next);
    let next = first + 1;
    while (next < units.length && size(next + 1) <= targetWords) next += 1;
    if (next < units.length && size(units.length) <= targetWords * 1.25) next = units.length;
    if (next < units.length) next = chooseCut(first, next);
    const range: UnitRange = { start: unit(first).start, end: unit(next - 1).end };
    if (header) range.header = { start: header.start, end: header.end };
    ranges.push(range);
    if (next >= units.length) break;
    first = unit(next).startsBlock ? next : overlapStart(first, next);
  }
  return ranges;

  function chooseCut(first: number, next: number): number {
    let cut = next;
    if (!unit(cut).startsBlock) {
      for (let candidate = next - 1; candidate > first; candidate -= 1) {
        if (unit(candidate).startsBlock && wordsBetween(first, candidate) >= targetWords / 2) {
          cut = candidate;
          break;
        }
      }
    }
    while (cut - 1 > first && unit(cut - 1).keepWithNext) cut -= 1;
    return cut;
  }

  function overlapStart(first: number, next: number): number {
    let start = next;
    while (
      start - 1 > first &&
      !unit(start).startsBlock &&
      !unit(start - 1).keepWithNext &&
      wordsBetween(start - 1, next) <= overlapWords
    ) {
      start -= 1;
    }
    return start;
  }
}
