import { AndesError, type ChunkEmbedding, type ChunksToEmbed, type StoredEmbeddingModel } from '@andes-rag/core';
import type { SqlQueryable } from '../connection/postgres-connection.js';
import type { CollectionRow } from '../collections/collection-rows.js';
import { assertEmbeddingsFit } from '../documents/write-document.js';
import { recordEmbeddingModel } from '../vector/record-embedding-model.js';
import { dropVectorIndex, ensureVectorIndex } from '../vector/vector-index.js';

/** Drops every embedding of the collection and records `model` for the vectors to come (its index follows). */
export async function resetEmbeddingRows(
  client: SqlQueryable,
  collection: CollectionRow,
  model: StoredEmbeddingModel,
  pgvector: boolean,
): Promise<void> {
  await client.query('UPDATE chunks SET embedding = NULL WHERE collection_id = $1 AND embedding IS NOT NULL', [
    collection.id,
  ]);
  await client.query('UPDATE collections SET embedding_dimensions = $1, embedding_model = $2 WHERE id = $3', [
    model.dimensions,
    model.id,
    collection.id,
  ]);
  if (pgvector) {
    await dropVectorIndex(client, collection.id);
    await ensureVectorIndex(client, collection.id, model.dimensions);
  }
}

/** The first `limit` chunks of the collection without an embedding, in storage order, and how many there are. */
export async function chunksWithoutEmbeddings(
  client: SqlQueryable,
  collectionId: number,
  limit: number,
): Promise<ChunksToEmbed> {
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new AndesError('invalid_request', `limit must be a positive integer, got ${String(limit)}`);
  }
  const counted = await client.query<{ remaining: number }>(
    'SELECT count(*)::int AS remaining FROM chunks WHERE collection_id = $1 AND embedding IS NULL',
    [collectionId],
  );
  const { rows } = await client.query<{ chunkId: string; title: string; headingPath: string[]; text: string }>(
    `SELECT c.id AS "chunkId", d.title, c.heading_path AS "headingPath", c.text
       FROM chunks c JOIN documents d ON d.id = c.document_id
      WHERE c.collection_id = $1 AND c.embedding IS NULL
      ORDER BY c.position LIMIT $2`,
    [collectionId, limit],
  );
  return { chunks: rows, remaining: Number(counted.rows[0]?.remaining ?? 0) };
}

/** Stores embeddings for chunks that have none (others are skipped); returns how many were stored. */
export async function storeEmbeddings(
  client: SqlQueryable,
  collection: CollectionRow,
  embeddings: ChunkEmbedding[],
  model: StoredEmbeddingModel,
  pgvector: boolean,
): Promise<number> {
  assertEmbeddingsFit(collection, model.dimensions, model.id);
  if (embeddings.length === 0) return 0;
  const { rows } = await client.query(
    `UPDATE chunks c SET embedding = given.embedding::real[]
       FROM unnest($1::text[], $2::text[]) AS given (id, embedding)
      WHERE c.id = given.id AND c.collection_id = $3 AND c.embedding IS NULL
      RETURNING c.id`,
    [
      embeddings.map((embedding) => embedding.chunkId),
      embeddings.map((embedding) => `{${Array.from(embedding.vector).join(',')}}`),
      collection.id,
    ],
  );
  if (rows.length > 0) {
    await recordEmbeddingModel(client, collection, { dimensions: model.dimensions, id: model.id }, pgvector);
  }
  return rows.length;
}
