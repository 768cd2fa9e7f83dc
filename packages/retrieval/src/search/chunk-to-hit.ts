import type { Chunk, Hit } from '@andes-rag/core';

/** A stored chunk as a search hit with the given score. */
export function chunkToHit(chunk: Chunk, score: number): Hit {
  const hit: Hit = {
    chunkId: chunk.id,
    documentId: chunk.documentId,
    source: chunk.source,
    title: chunk.title,
    headingPath: chunk.headingPath,
    text: chunk.text,
    score,
    startOffset: chunk.startOffset,
    endOffset: chunk.endOffset,
  };
  if (chunk.page !== undefined) hit.page = chunk.page;
  return hit;
}
