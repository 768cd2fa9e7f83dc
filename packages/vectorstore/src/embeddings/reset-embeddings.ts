import type Database from 'better-sqlite3';
import type { StoredEmbeddingModel } from '@andes-rag/core';
import type { CollectionRow } from '../database/collection-rows.js';
import { prepared } from '../database/prepared-statement.js';

/**
 * Drops every embedding of the collection and records `model` as the one its vectors will come from, bumping the
 * index generation so no saved index file is trusted again. Call inside one write transaction.
 */
export function resetEmbeddingRows(
  database: Database.Database,
  collection: CollectionRow,
  model: StoredEmbeddingModel,
): void {
  prepared(database, 'UPDATE chunks SET embedding = NULL WHERE collection_id = ? AND embedding IS NOT NULL').run(
    collection.id,
  );
  prepared(
    database,
    `UPDATE collections SET embedding_dimensions = ?, embedding_model = ?, index_generation = index_generation + 1
     WHERE id = ?`,
  ).run(model.dimensions, model.id, collection.id);
}
