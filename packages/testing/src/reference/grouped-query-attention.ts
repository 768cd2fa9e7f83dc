import { softmaxInPlace } from './tensor-math.js';

/** Keys and values of every position seen so far, for one block: one array per position. */
export interface KeyValueCache {
  keys: Float32Array[];
  values: Float32Array[];
}

/** The head counts attention needs. */
export interface AttentionShape {
  headCount: number;
  kvHeadCount: number;
  headDimension: number;
}

/**
 * Causal grouped-query attention for the newest position, whose (rotated) key and value are already the last
 * entries of `cache`. Each query head h attends over every cached position with KV head
 * `floor(h / (headCount / kvHeadCount))`: neighbouring query heads share one key/value head, which shrinks the KV
 * cache by that factor. Scores are `q·k / √headDimension`, softmax-normalised over positions 0..now (the future is
 * never in the cache, which is what makes it causal); the head's output is the score-weighted sum of values.
 * Returns the heads' outputs side by side (`headCount × headDimension` values).
 */
export function groupedQueryAttention(query: Float32Array, cache: KeyValueCache, shape: AttentionShape): Float32Array {
  const { headCount, kvHeadCount, headDimension } = shape;
  const queryHeadsPerKvHead = headCount / kvHeadCount;
  const output = new Float32Array(headCount * headDimension);
  const scale = 1 / Math.sqrt(headDimension);
  for (let head = 0; head < headCount; head++) {
    const queryOffset = head * headDimension;
    const kvOffset = Math.floor(head / queryHeadsPerKvHead) * headDimension;
    const scores = cache.keys.map((key) => {
      let dot = 0;
      for (let index = 0; index < headDimension; index++) dot += query[queryOffset + index]! * key[kvOffset + index]!;
      return dot * scale;
    });
    softmaxInPlace(scores);
    cache.values.forEach((value, position) => {
      for (let index = 0; index < headDimension; index++)
        output[queryOffset + index]! += scores[position]! * value[kvOffset + index]!;
    });
  }
  return output;
}
