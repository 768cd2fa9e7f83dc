import hnswlib from 'hnswlib-node';
import type { ResolvedHnswOptions } from './hnsw-options.js';

/** A vector with its label: the rowid of the chunk it belongs to. */
export interface LabelledVector {
  label: number;
  vector: Float32Array;
}

/** A label with its cosine similarity to the query. */
export interface VectorMatch {
  label: number;
  score: number;
}

const initialCapacity = 1024;
const randomSeed = 100;

/**
 * One collection's hnswlib index, in the `cosine` space: hnswlib normalises stored and query vectors, so
 * `1 - distance` is the cosine similarity even when a caller's vectors are not unit length. Deleted slots are reused
 * by later inserts (`allowReplaceDeleted`), so replacing documents does not grow the file; slots left over by net
 * deletions are counted ({@link CollectionVectorIndex.deletedSlots}) for compaction.
 */
export class CollectionVectorIndex {
  /** The generation of the collection's vectors this index reflects (see `collections.index_generation`). */
  generation: number;
  /** True when it holds changes not yet saved to disk. */
  dirty = false;
  /** Vectors in the index that are not marked deleted. */
  liveCount: number;

  private constructor(
    readonly hnsw: hnswlib.HierarchicalNSW,
    readonly dimensions: number,
    private readonly options: ResolvedHnswOptions,
    generation: number,
    liveCount: number,
  ) {
    this.generation = generation;
    this.liveCount = liveCount;
  }

  /** Slots held by vectors marked deleted and not reused yet: what a compaction would free. */
  get deletedSlots(): number {
    return this.hnsw.getCurrentCount() - this.liveCount;
  }

  /** An empty index with room for `capacity` vectors. */
  static create(
    dimensions: number,
    options: ResolvedHnswOptions,
    generation: number,
    capacity = 0,
  ): CollectionVectorIndex {
    const hnsw = new hnswlib.HierarchicalNSW('cosine', dimensions);
    hnsw.initIndex({
      maxElements: Math.max(initialCapacity, Math.ceil(capacity * 1.25)),
      m: options.m,
      efConstruction: options.efConstruction,
      randomSeed,
      allowReplaceDeleted: true,
    });
    return new CollectionVectorIndex(hnsw, dimensions, options, generation, 0);
  }

  /**
   * Reads an index file holding `liveCount` live vectors (the embedded chunks SQLite counts for that generation).
   * Only call it on a file whose checksum was verified: hnswlib trusts what it reads.
   */
  static read(
    file: string,
    dimensions: number,
    options: ResolvedHnswOptions,
    generation: number,
    liveCount: number,
  ): CollectionVectorIndex {
    const hnsw = new hnswlib.HierarchicalNSW('cosine', dimensions);
    hnsw.readIndexSync(file, true);
    return new CollectionVectorIndex(hnsw, dimensions, options, generation, liveCount);
  }

  /** Adds vectors, growing the index when full. */
  add(vectors: readonly LabelledVector[]): void {
    const needed = this.hnsw.getCurrentCount() + vectors.length;
    if (needed > this.hnsw.getMaxElements()) this.hnsw.resizeIndex(Math.max(needed, this.hnsw.getMaxElements() * 2));
    for (const { label, vector } of vectors) {
      this.hnsw.addPoint(Array.from(vector), label, true);
      this.liveCount += 1;
    }
  }

  /** Marks labels deleted: they are never returned again and their slots are reused. */
  remove(labels: readonly number[]): void {
    for (const label of labels) {
      this.hnsw.markDelete(label);
      this.liveCount -= 1;
    }
  }

  /** True when `label` is in the index and not marked deleted. */
  holds(label: number): boolean {
    try {
      this.hnsw.getPoint(label);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The `k` nearest labels, best first. With `allowed`, only those labels are candidates: hnswlib skips the others
   * while it walks the graph, so the filter applies before ranking.
   */
  search(vector: Float32Array, k: number, allowed?: ReadonlySet<number>): VectorMatch[] {
    const limit = Math.min(k, this.hnsw.getMaxElements());
    this.hnsw.setEf(Math.max(this.options.efSearch, 2 * limit));
    const filter = allowed ? (label: number) => allowed.has(label) : undefined;
    const result = this.hnsw.searchKnn(Array.from(vector), limit, filter);
    return result.neighbors.map((label, position) => ({ label, score: 1 - (result.distances[position] ?? 1) }));
  }
}
