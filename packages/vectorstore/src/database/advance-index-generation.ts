import type Database from 'better-sqlite3';
import type { CollectionRow } from './collection-rows.js';
import { prepared } from './prepared-statement.js';

/**
 * Records, inside the caller's transaction, that a collection's vectors changed: bumps the index generation the
 * database expects (so an index file saved before a crash is seen as stale) and fixes the collection's embedding
 * dimensions and model on their first write. Returns the new generation.
 */
export function advanceIndexGeneration(
  database: Database.Database,
  collection: CollectionRow,
  embedding: { dimensions: number | null; model: string | null },
): number {
  const generationAfter = collection.index_generation + 1;
  prepared(
    database,
    `UPDATE collections SET index_generation = @generationAfter,
       embedding_dimensions = coalesce(embedding_dimensions, @dimensions),
       embedding_model = coalesce(embedding_model, @model)
     WHERE id = @id`,
  ).run({ id: collection.id, generationAfter, dimensions: embedding.dimensions, model: embedding.model });
  return generationAfter;
}
