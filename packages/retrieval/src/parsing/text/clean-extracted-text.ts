import type { DocumentWarning } from '@andes-rag/core';
import { removeInvisibleCharacters } from './invisible-characters.js';

/** Extracted text after {@link cleanExtractedText}. */
export interface CleanText {
  text: string;
  /** Page starts moved to the cleaned text, when the input had pages. */
  pageStarts?: number[];
  /** An `invisible_characters` warning, when any were removed. */
  warning?: DocumentWarning;
}

/**
 * Normalises line breaks to `\n` and removes invisible characters, page by page, so that page start offsets stay
 * exact in the cleaned text.
 */
export function cleanExtractedText(text: string, pageStarts?: readonly number[]): CleanText {
  const boundaries = [0, ...(pageStarts ?? []), text.length];
  const movedBoundaries = [0];
  const pieces: string[] = [];
  let removed = 0;
  for (let index = 0; index + 1 < boundaries.length; index += 1) {
    const piece = removeInvisibleCharacters(
      text.slice(boundaries[index], boundaries[index + 1]).replace(/\r\n?/g, '\n'),
    );
    pieces.push(piece.text);
    removed += piece.removed;
    movedBoundaries.push((movedBoundaries.at(-1) as number) + piece.text.length);
  }
  const cleaned: CleanText = { text: pieces.join('') };
  if (pageStarts !== undefined) cleaned.pageStarts = movedBoundaries.slice(1, pageStarts.length + 1);
  if (removed > 0) {
    cleaned.warning = {
      code: 'invisible_characters',
      message: `Removed ${removed} invisible character${removed === 1 ? '' : 's'} (zero-width, bidirectional-control or Unicode tag characters) that could hide text.`,
    };
  }
  return cleaned;
}
