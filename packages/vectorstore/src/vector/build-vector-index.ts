import type Database from 'better-sqlite3';
import { blobToEmbedding } from '../database/embedding-blob.js';
import { prepared } from '../database/prepared-statement.js';
import { CollectionVectorIndex } from './collection-vector-index.js';
import type { ResolvedHnswOptions } from './hnsw-options.js';

/**
 * SQL condition for a chunk (alias `c`) whose embedding can be indexed: present and `@dimensions` float32 long. A
 * stored blob of another length (damage) is never handed to hnswlib, which would throw on every rebuild; the
 * integrity check reports it and `andes doctor --repair` or `andes reindex --embedding-model` replaces it.
 */
export const usableEmbeddingSql = 'c.embedding IS NOT NULL AND length(c.embedding) = 4 * @dimensions';

/** How many chunks of the collection have a usable embedding: the live vectors its index must hold. */
export function countEmbeddedChunks(database: Database.Database, collectionId: number, dimensions: number): number {
  return prepared(
    database,
    `SELECT COUNT(*) FROM chunks c WHERE c.collection_id = @collectionId AND ${usableEmbeddingSql}`,
  )
    .pluck()
    .get({ collectionId, dimensions }) as number;
}

/** What {@link buildVectorIndex} builds from. */
export interface VectorIndexSource {
  database: Database.Database;
  collectionId: number;
  dimensions: number;
  /** The collection's `index_generation` the new index reflects. */
  generation: number;
  hnsw: ResolvedHnswOptions;
}

/**
 * A fresh index holding every embedding the collection has in SQLite, labelled by chunk rowid: the rebuild after
 * a missing, stale or corrupt file, and the compaction that drops deleted slots. Marked dirty (not saved yet).
 */
export function buildVectorIndex(source: VectorIndexSource): CollectionVectorIndex {
  const { database, collectionId } = source;
  const count = countEmbeddedChunks(database, collectionId, source.dimensions);
  const index = CollectionVectorIndex.create(source.dimensions, source.hnsw, source.generation, count);
  const rows = prepared(
    database,
    `SELECT c.rowid AS label, c.embedding FROM chunks c
      WHERE c.collection_id = @collectionId AND ${usableEmbeddingSql} ORDER BY c.rowid`,
  ).iterate({ collectionId, dimensions: source.dimensions }) as IterableIterator<{ label: number; embedding: Buffer }>;
  for (const row of rows) index.add([{ label: row.label, vector: blobToEmbedding(row.embedding) }]);
  index.dirty = true;
  return index;
}
