import type Database from 'better-sqlite3';
import type { IntegrityProblem } from '@andes-rag/core';
import type { CollectionRow } from '../database/collection-rows.js';
import { prepared } from '../database/prepared-statement.js';
import { usableEmbeddingSql } from '../vector/build-vector-index.js';
import type { CollectionVectorIndex } from '../vector/collection-vector-index.js';
import { problemIf, reindexHint } from './integrity-problem.js';

/** What {@link checkVectorIndex} counted and found. */
export interface VectorIndexCounts {
  /** Live vectors in the index. */
  indexedVectors: number;
  problems: IntegrityProblem[];
}

/**
 * Compares a collection's loaded hnswlib index with SQLite: every live vector must be the embedding of an existing
 * chunk of the collection, and every chunk with a usable embedding (the collection's dimensions) must have a live
 * vector. Embeddings of the wrong size are counted by the record checks instead.
 */
export function checkVectorIndex(
  database: Database.Database,
  row: CollectionRow,
  index: CollectionVectorIndex | undefined,
): VectorIndexCounts {
  const embedded = new Set(
    prepared(database, `SELECT c.rowid FROM chunks c WHERE c.collection_id = @collectionId AND ${usableEmbeddingSql}`)
      .pluck()
      .all({ collectionId: row.id, dimensions: row.embedding_dimensions ?? 0 }) as number[],
  );
  let indexedVectors = 0;
  let vectorsWithoutChunk = 0;
  const indexed = new Set<number>();
  for (const label of index?.hnsw.getIdsList() ?? []) {
    if (!index?.holds(label)) continue;
    indexed.add(label);
    indexedVectors += 1;
    if (!embedded.has(label)) vectorsWithoutChunk += 1;
  }
  let chunksWithoutVector = 0;
  for (const label of embedded) if (!indexed.has(label)) chunksWithoutVector += 1;
  const problems = [
    ...problemIf(
      vectorsWithoutChunk,
      row.name,
      'vector-without-chunk',
      `vectors in the vector index point to a missing chunk; ${reindexHint}`,
    ),
    ...problemIf(
      chunksWithoutVector,
      row.name,
      'chunk-missing-from-vector-index',
      `embedded chunks are missing from the vector index; ${reindexHint}`,
    ),
  ];
  return { indexedVectors, problems };
}
