import type { LabelledVector, VectorMatch } from './collection-vector-index.js';

function norm(vector: Float32Array): number {
  let sum = 0;
  for (const value of vector) sum += value * value;
  return Math.sqrt(sum);
}

/**
 * The `k` candidates most similar to `query` by cosine similarity, computed exactly; ties go to the lower label.
 * Used when a filter leaves so few candidates that scanning them beats walking the graph around the rest.
 */
export function exactVectorSearch(query: Float32Array, candidates: Iterable<LabelledVector>, k: number): VectorMatch[] {
  const queryNorm = norm(query) || 1;
  const matches: VectorMatch[] = [];
  for (const { label, vector } of candidates) {
    let dot = 0;
    for (let axis = 0; axis < query.length; axis++) dot += (query[axis] ?? 0) * (vector[axis] ?? 0);
    matches.push({ label, score: dot / (queryNorm * (norm(vector) || 1)) });
  }
  return matches.sort((left, right) => right.score - left.score || left.label - right.label).slice(0, k);
}
