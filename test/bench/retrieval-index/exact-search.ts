/** All vectors in one contiguous array, for a fast exact scan. */
export function packVectors(vectors: readonly Float32Array[], dimensions: number): Float32Array {
  const packed = new Float32Array(vectors.length * dimensions);
  vectors.forEach((vector, index) => packed.set(vector, index * dimensions));
  return packed;
}

/** The labels of the `k` vectors with the highest dot product with `query` (= cosine for unit vectors), best first. */
export function exactTopK(packed: Float32Array, dimensions: number, query: Float32Array, k: number): number[] {
  const top: Array<{ label: number; score: number }> = [];
  const count = packed.length / dimensions;
  for (let label = 0; label < count; label += 1) {
    let score = 0;
    const offset = label * dimensions;
    for (let index = 0; index < dimensions; index += 1) score += packed[offset + index]! * query[index]!;
    if (top.length < k || score > (top[top.length - 1]?.score ?? -Infinity)) {
      top.push({ label, score });
      top.sort((left, right) => right.score - left.score);
      if (top.length > k) top.pop();
    }
  }
  return top.map((entry) => entry.label);
}

/** Share of `exact` found in `approximate` (recall@k for one query). */
export function recallOf(approximate: readonly number[], exact: readonly number[]): number {
  const found = new Set(approximate);
  return exact.filter((label) => found.has(label)).length / exact.length;
}

/** Nearest-rank percentile of durations in milliseconds. */
export function percentileMs(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? 0;
}
