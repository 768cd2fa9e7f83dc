import type { SqlQueryable } from '../connection/postgres-connection.js';

/** pgvector's HNSW index takes `vector` columns of at most this many dimensions. */
export const largestIndexedDimensions = 2000;

/** Name of a collection's HNSW index; built from the integer id, never from a name. */
export function vectorIndexName(collectionId: number): string {
  if (!Number.isSafeInteger(collectionId) || collectionId < 0) throw new Error(`Bad collection id ${collectionId}`);
  return `chunks_hnsw_${collectionId}`;
}

/**
 * Creates the collection's pgvector HNSW index (cosine) when missing: a partial index over
 * `embedding::vector(dimensions)` for that collection's rows only, so collections of different dimensions share one
 * `chunks` table. Collections wider than {@link largestIndexedDimensions} get none and are scanned exactly.
 */
export async function ensureVectorIndex(client: SqlQueryable, collectionId: number, dimensions: number): Promise<void> {
  if (!Number.isSafeInteger(dimensions) || dimensions < 1 || dimensions > largestIndexedDimensions) return;
  await client.query(
    `CREATE INDEX IF NOT EXISTS ${vectorIndexName(collectionId)} ON chunks
       USING hnsw ((embedding::vector(${dimensions})) vector_cosine_ops) WHERE collection_id = ${collectionId}`,
  );
}

/** Drops the collection's HNSW index, if any (its dimensions changed or it is gone). */
export async function dropVectorIndex(client: SqlQueryable, collectionId: number): Promise<void> {
  await client.query(`DROP INDEX IF EXISTS ${vectorIndexName(collectionId)}`);
}
