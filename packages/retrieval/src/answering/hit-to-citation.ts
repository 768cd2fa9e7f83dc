import type { Citation, Hit } from '@andes-rag/core';

/** A hit cited as source `[n]`. */
export function hitToCitation(hit: Hit, n: number): Citation {
  const citation: Citation = {
    n,
    source: hit.source,
    chunkId: hit.chunkId,
    documentId: hit.documentId,
    title: hit.title,
    headingPath: hit.headingPath,
    text: hit.text,
    startOffset: hit.startOffset,
    endOffset: hit.endOffset,
  };
  if (hit.collection !== undefined) citation.collection = hit.collection;
  if (hit.page !== undefined) citation.page = hit.page;
  if (hit.documentWarnings !== undefined && hit.documentWarnings.length > 0)
    citation.documentWarnings = hit.documentWarnings;
  return citation;
}
