import type Database from 'better-sqlite3';
import type { ChunkEmbedding, StoredEmbeddingModel } from '@andes-rag/core';
import type { CollectionRow } from '../database/collection-rows.js';
import { advanceIndexGeneration } from '../database/advance-index-generation.js';
import { embeddingToBlob } from '../database/embedding-blob.js';
import { prepared } from '../database/prepared-statement.js';
import { assertEmbeddingsFit } from '../documents/assert-embeddings-fit.js';
import type { LabelledVector } from '../vector/collection-vector-index.js';
import type { VectorChange } from '../vector/vector-indexes.js';

/** What {@link storeEmbeddings} did. */
export interface EmbeddingsOutcome {
  stored: number;
  vectorChange: VectorChange | undefined;
}

/**
 * Stores embeddings for the collection's chunks that have none (others are skipped), records the model on the
 * collection when it has none yet, and bumps the index generation. Call inside one write transaction with a fresh
 * collection row. Throws an AndesError `invalid_request` when the model does not fit the collection's vectors.
 */
export function storeEmbeddings(
  database: Database.Database,
  collection: CollectionRow,
  embeddings: ChunkEmbedding[],
  model: StoredEmbeddingModel,
): EmbeddingsOutcome {
  assertEmbeddingsFit(collection, model.dimensions, model.id);
  const update = prepared(
    database,
    `UPDATE chunks SET embedding = ? WHERE id = ? AND collection_id = ? AND embedding IS NULL RETURNING rowid`,
  ).pluck();
  const added: LabelledVector[] = [];
  for (const { chunkId, vector } of embeddings) {
    const label = update.get(embeddingToBlob(vector), chunkId, collection.id) as number | undefined;
    if (label !== undefined) added.push({ label, vector });
  }
  if (added.length === 0) return { stored: 0, vectorChange: undefined };
  const generationAfter = advanceIndexGeneration(database, collection, {
    dimensions: model.dimensions,
    model: model.id,
  });
  return {
    stored: added.length,
    vectorChange: {
      collectionId: collection.id,
      generationBefore: collection.index_generation,
      generationAfter,
      removed: [],
      added,
    },
  };
}
