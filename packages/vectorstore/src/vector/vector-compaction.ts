import type { CollectionVectorIndex } from './collection-vector-index.js';

/**
 * True when so many of the index's slots hold deleted vectors that it should be rebuilt without them: more than
 * `threshold` (a fraction of all slots). Replaced documents reuse their slots, so only net deletions (documents
 * removed, a sync that dropped many files) accumulate them; deleted slots still cost memory, file size and graph
 * walks. Compacting costs one insert per live vector, so after a compaction at least `threshold / (1 - threshold)`
 * deletions per live vector must pass before the next one: a bounded, amortised cost.
 */
export function needsCompaction(index: CollectionVectorIndex, threshold: number): boolean {
  const slots = index.hnsw.getCurrentCount();
  return slots > 0 && index.deletedSlots / slots > threshold;
}
