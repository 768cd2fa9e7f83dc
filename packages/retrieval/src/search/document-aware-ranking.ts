import type { ScoredChunkId } from '@andes-rag/core';

/**
 * Weight of the document's other evidence in {@link documentAwareRanking}. 0.3 was chosen by measurement on the
 * three evaluation sets of `test/eval` (State of the Union, the SQLite manual, Debian Reference in Chinese); the
 * figures for 0, 0.2, 0.3 and 0.5 are in `test/eval/README.md`.
 */
export const defaultDocumentBoost = 0.3;

/**
 * Document-aware ranking: each candidate's score becomes its own score plus `weight` × the best score of another
 * chunk of the same document among the candidates, and the candidates are re-sorted (stable). A passage from a
 * document that matches the question in several places rises above an equally good passage that stands alone.
 * Candidates without a known document keep their score. Scores must be higher-better and comparable within the
 * list (BM25, cosine, RRF); weight 0 returns the same order and scores.
 */
export function documentAwareRanking(
  candidates: readonly ScoredChunkId[],
  documentOf: (chunkId: string) => string | undefined,
  weight: number,
): ScoredChunkId[] {
  const best = new Map<string, { first: number; second: number }>();
  for (const { chunkId, score } of candidates) {
    const document = documentOf(chunkId);
    if (document === undefined) continue;
    const scores = best.get(document) ?? { first: Number.NEGATIVE_INFINITY, second: Number.NEGATIVE_INFINITY };
    if (score > scores.first) best.set(document, { first: score, second: scores.first });
    else best.set(document, { first: scores.first, second: Math.max(scores.second, score) });
  }
  const boosted = candidates.map(({ chunkId, score }, index) => {
    const document = documentOf(chunkId);
    const scores = document === undefined ? undefined : best.get(document);
    // The best other chunk: the document's runner-up for its best chunk, its best for every other chunk.
    const other =
      scores === undefined ? Number.NEGATIVE_INFINITY : score >= scores.first ? scores.second : scores.first;
    return { chunkId, score: Number.isFinite(other) ? score + weight * other : score, index };
  });
  boosted.sort((left, right) => right.score - left.score || left.index - right.index);
  return boosted.map(({ chunkId, score }) => ({ chunkId, score }));
}
