import type Database from 'better-sqlite3';
import { blobToEmbedding } from '../database/embedding-blob.js';
import { prepared } from '../database/prepared-statement.js';
import { CollectionVectorIndex } from './collection-vector-index.js';
import type { ResolvedHnswOptions } from './hnsw-options.js';

/** How many chunks of the collection have an embedding: the live vectors its index must hold. */
export function countEmbeddedChunks(database: Database.Database, collectionId: number): number {
  return prepared(database, 'SELECT COUNT(*) FROM chunks WHERE collection_id = ? AND embedding IS NOT NULL')
    .pluck()
    .get(collectionId) as number;
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
  const count = countEmbeddedChunks(database, collectionId);
  const index = CollectionVectorIndex.create(source.dimensions, source.hnsw, source.generation, count);
  const rows = prepared(
    database,
    'SELECT rowid AS label, embedding FROM chunks WHERE collection_id = ? AND embedding IS NOT NULL ORDER BY rowid',
  ).iterate(collectionId) as IterableIterator<{ label: number; embedding: Buffer }>;
  for (const row of rows) index.add([{ label: row.label, vector: blobToEmbedding(row.embedding) }]);
  index.dirty = true;
  return index;
}
