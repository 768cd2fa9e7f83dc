import type { Chunk, Reranker, ScoredChunkId } from '@andes-rag/core';
import { chunkIndexText } from '../chunking/chunk-index-text.js';

/** Default number of fused candidates the reranker reads. */
export const defaultRerankCandidates = 20;

/**
 * Scores chunks with a cross-encoder against the query and returns them best first (ties keep their order).
 * The reranker reads what the embedding model reads: title, heading path and text ({@link chunkIndexText}).
 */
export async function rerankChunks(
  reranker: Reranker,
  query: string,
  chunks: readonly Chunk[],
  signal: AbortSignal | undefined,
): Promise<ScoredChunkId[]> {
  const texts = chunks.map((chunk) => chunkIndexText(chunk));
  const scores = await reranker.rank(query, texts, signal ? { signal } : {});
  return chunks
    .map((chunk, index) => ({ chunkId: chunk.id, score: scores[index] ?? 0, index }))
    .sort((left, right) => right.score - left.score || left.index - right.index)
    .map(({ chunkId, score }) => ({ chunkId, score }));
}
