import type { DocumentWarning } from '@andes-rag/core';

/** Share of a page's visible words past which leaving them out is `most_text_removed` rather than `boilerplate_removed`. */
export const mostTextRemovedRatio = 0.5;

/** Word counts of an HTML page: all the words a reader sees, and those kept as its main content. */
export interface KeptWords {
  /** Words a reader sees on the page: everything but hidden text, scripts, styles and form controls. */
  visibleWords: number;
  /** Words of the main content that is indexed. */
  keptWords: number;
}

/**
 * The warning that says how much of a page was left out as page furniture (navigation, headers, footers,
 * sidebars, text outside the main content), with the figures in `details`; `most_text_removed` when more than
 * half of the visible words were left out. Undefined when nothing was left out.
 */
export function boilerplateWarning({ visibleWords, keptWords }: KeptWords): DocumentWarning | undefined {
  const droppedWords = Math.max(0, visibleWords - keptWords);
  if (droppedWords === 0) return undefined;
  const droppedTextRatio = Math.round((droppedWords / visibleWords) * 1000) / 1000;
  const percent = `${Math.round(droppedTextRatio * 100)}%`;
  const details = { visibleWords, keptWords, droppedWords, droppedTextRatio };
  if (droppedTextRatio > mostTextRemovedRatio) {
    return {
      code: 'most_text_removed',
      message: `Left out ${droppedWords} of the page's ${visibleWords} words (${percent}) as navigation, headers, footers and other page furniture; check that its main text was kept.`,
      details,
    };
  }
  return {
    code: 'boilerplate_removed',
    message: `Left out ${droppedWords} of the page's ${visibleWords} words (${percent}) as navigation, headers, footers and other page furniture.`,
    details,
  };
}
