import type { ScoredChunkId } from '@andes-rag/core';

/** One ranked list to fuse, best first. */
export interface RankedList {
  /** The ranked chunk ids, best first (their own scores are ignored: RRF uses ranks only). */
  results: readonly ScoredChunkId[];
  /** How much this list counts. Default 1. */
  weight?: number;
}

/** Options for {@link reciprocalRankFusion}. */
export interface ReciprocalRankFusionOptions {
  /**
   * The constant k in `weight / (k + rank)`. Default 60, the value of Cormack, Clarke and Büttcher (SIGIR 2009),
   * which they found robust across collections: large enough that the first few ranks of one list do not drown
   * out agreement between lists. `andes eval --compare` measures alternatives.
   */
  k?: number;
}

/** The default RRF constant. */
export const defaultRrfK = 60;

/**
 * Reciprocal rank fusion: every chunk scores the sum over the lists it appears in of `weight / (k + rank)`, with
 * ranks from 1. Returns every chunk of every list, best first. Ties go to the chunk with the better best rank, then
 * to the earlier list.
 */
export function reciprocalRankFusion(
  lists: readonly RankedList[],
  options: ReciprocalRankFusionOptions = {},
): ScoredChunkId[] {
  const k = options.k ?? defaultRrfK;
  const scores = new Map<string, number>();
  const longest = Math.max(0, ...lists.map((list) => list.results.length));
  for (let position = 0; position < longest; position += 1) {
    for (const list of lists) {
      const result = list.results[position];
      if (result === undefined) continue;
      const contribution = (list.weight ?? 1) / (k + position + 1);
      scores.set(result.chunkId, (scores.get(result.chunkId) ?? 0) + contribution);
    }
  }
  return [...scores].map(([chunkId, score]) => ({ chunkId, score })).sort((left, right) => right.score - left.score);
}
