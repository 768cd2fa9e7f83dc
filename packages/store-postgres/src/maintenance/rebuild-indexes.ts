import type { IndexRebuildReport } from '@andes-rag/core';
import type { SqlQueryable } from '../connection/postgres-connection.js';
import type { CollectionRow } from '../collections/collection-rows.js';
import { searchVectorLiteral } from '../lexical/search-vector-literal.js';
import { dropVectorIndex, ensureVectorIndex } from '../vector/vector-index.js';

/**
 * Rebuilds one collection's indexes from its rows: every chunk's full-text vector is computed again with the
 * current analyser, and its HNSW index (when pgvector is installed) is built again. Call inside one transaction.
 */
export async function rebuildCollectionIndexes(
  client: SqlQueryable,
  collection: CollectionRow,
  pgvector: boolean,
): Promise<IndexRebuildReport> {
  const { rows } = await client.query<{ id: string; title: string; heading_path: string[]; text: string }>(
    `SELECT c.id, d.title, c.heading_path, c.text FROM chunks c JOIN documents d ON d.id = c.document_id
      WHERE c.collection_id = $1`,
    [collection.id],
  );
  if (rows.length > 0) {
    await client.query(
      `UPDATE chunks c SET search_vector = given.search_vector::tsvector
         FROM unnest($1::text[], $2::text[]) AS given (id, search_vector) WHERE c.id = given.id`,
      [rows.map((row) => row.id), rows.map((row) => searchVectorLiteral(row.title, row.heading_path, row.text))],
    );
  }
  if (pgvector && collection.embedding_dimensions !== null) {
    await dropVectorIndex(client, collection.id);
    await ensureVectorIndex(client, collection.id, collection.embedding_dimensions);
  }
  const counts = await client.query<{ documents: number; vectors: number }>(
    `SELECT (SELECT count(*)::int FROM documents WHERE collection_id = $1) AS documents,
            (SELECT count(*)::int FROM chunks WHERE collection_id = $1 AND embedding IS NOT NULL) AS vectors`,
    [collection.id],
  );
  return {
    collection: collection.name,
    documents: Number(counts.rows[0]?.documents ?? 0),
    chunks: rows.length,
    vectors: Number(counts.rows[0]?.vectors ?? 0),
  };
}
