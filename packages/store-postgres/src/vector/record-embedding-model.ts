import type { SqlQueryable } from '../connection/postgres-connection.js';
import type { CollectionRow } from '../collections/collection-rows.js';
import { ensureVectorIndex } from './vector-index.js';

/**
 * Records, inside the caller's transaction, the dimensions and model of the collection's first vectors (kept once
 * set), and gives the collection its HNSW index when pgvector is installed.
 */
export async function recordEmbeddingModel(
  client: SqlQueryable,
  collection: CollectionRow,
  embedding: { dimensions: number; id: string | undefined },
  pgvector: boolean,
): Promise<void> {
  if (collection.embedding_dimensions !== null && (collection.embedding_model !== null || embedding.id === undefined)) {
    return;
  }
  await client.query(
    `UPDATE collections SET embedding_dimensions = coalesce(embedding_dimensions, $1),
       embedding_model = coalesce(embedding_model, $2) WHERE id = $3`,
    [embedding.dimensions, embedding.id ?? null, collection.id],
  );
  if (pgvector) await ensureVectorIndex(client, collection.id, embedding.dimensions);
}
