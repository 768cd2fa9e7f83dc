import { AndesError, type CollectionInfo } from '@andes-rag/core';
import type { SqlQueryable } from '../connection/postgres-connection.js';

/** A row of `collections`. */
export interface CollectionRow {
  id: number;
  name: string;
  embedding_dimensions: number | null;
  embedding_model: string | null;
  chunk_size: number | null;
  created_at: string;
}

/** The collection named so, or undefined; `lock` takes a row lock until the transaction ends (serialises writers). */
export async function findCollection(
  client: SqlQueryable,
  name: string,
  lock = false,
): Promise<CollectionRow | undefined> {
  const { rows } = await client.query<CollectionRow>(
    `SELECT * FROM collections WHERE name = $1${lock ? ' FOR UPDATE' : ''}`,
    [name],
  );
  return rows[0];
}

/** The collection named so, or `collection_not_found`. */
export async function requireCollection(client: SqlQueryable, name: string, lock = false): Promise<CollectionRow> {
  const row = await findCollection(client, name, lock);
  if (!row) {
    throw new AndesError('collection_not_found', `Collection ${JSON.stringify(name)} does not exist`, {
      details: { collection: name },
    });
  }
  return row;
}

/** Creates the collection when missing (another replica may create it at the same time) and locks its row. */
export async function findOrCreateCollection(client: SqlQueryable, name: string): Promise<CollectionRow> {
  await client.query('INSERT INTO collections (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    name,
    new Date().toISOString(),
  ]);
  return requireCollection(client, name, true);
}

/** The public view of a collection row, with its document and chunk counts. */
export async function toCollectionInfo(client: SqlQueryable, row: CollectionRow): Promise<CollectionInfo> {
  const { rows } = await client.query<{ documents: number; chunks: number }>(
    `SELECT (SELECT count(*)::int FROM documents WHERE collection_id = $1) AS documents,
            (SELECT count(*)::int FROM chunks WHERE collection_id = $1) AS chunks`,
    [row.id],
  );
  const counts = rows[0] ?? { documents: 0, chunks: 0 };
  return {
    name: row.name,
    embeddingDimensions: row.embedding_dimensions ?? undefined,
    embeddingModel: row.embedding_model ?? undefined,
    documentCount: Number(counts.documents),
    chunkCount: Number(counts.chunks),
    createdAt: row.created_at,
    ...(row.chunk_size === null ? {} : { chunkSize: row.chunk_size }),
  };
}
