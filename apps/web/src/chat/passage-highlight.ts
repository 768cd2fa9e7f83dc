import type { Citation, DocumentText } from '../api/api-types.js';

/** A document's text cut around the cited passage. */
export interface PassageHighlight {
  before: string;
  passage: string;
  after: string;
  headingPath: string[];
  page?: number | undefined;
}

/**
 * Finds the cited chunk in the document's text (by its id, else by the citation's offsets) and cuts the text around
 * it; undefined when neither points inside the text.
 */
export function highlightPassage(document: DocumentText, citation: Citation): PassageHighlight | undefined {
  const chunk = document.chunks.find((candidate) => candidate.chunkId === citation.chunkId);
  const start = chunk?.start ?? citation.startOffset;
  const end = chunk?.end ?? citation.endOffset;
  if (!(start >= 0 && end > start && end <= document.text.length)) return undefined;
  return {
    before: document.text.slice(0, start),
    passage: document.text.slice(start, end),
    after: document.text.slice(end),
    headingPath: chunk?.headingPath ?? citation.headingPath,
    page: chunk?.page ?? citation.page,
  };
}
