import type { MalformedEmbeddingReport } from '@andes-rag/core';
import type { CollectionRow } from '../collections/collection-rows.js';
import type { SqlQueryable } from '../connection/postgres-connection.js';
import { ensureVectorIndex } from '../vector/vector-index.js';

/**
 * Sets to NULL every stored vector of the collection whose size is not the collection's dimensions (the check
 * `verifyIntegrity` reports as `malformed-embedding`), so that re-embedding fills them again, and gives the
 * collection its HNSW index when pgvector is used (building it fails while such a vector is stored). Call inside one
 * transaction with the collection row locked. Returns what was dropped; sources are sorted.
 */
export async function dropMalformedEmbeddingRows(
  client: SqlQueryable,
  row: CollectionRow,
  pgvector: boolean,
): Promise<MalformedEmbeddingReport> {
  const { rows } = await client.query<{ source: string; chunks: number }>(
    `WITH dropped AS (
       UPDATE chunks SET embedding = NULL
        WHERE collection_id = $1 AND embedding IS NOT NULL AND cardinality(embedding) IS DISTINCT FROM $2::integer
        RETURNING document_id)
     SELECT d.source, count(*)::int AS chunks FROM dropped JOIN documents d ON d.id = dropped.document_id
      GROUP BY d.source ORDER BY d.source COLLATE "C"`,
    [row.id, row.embedding_dimensions],
  );
  if (pgvector && row.embedding_dimensions !== null) await ensureVectorIndex(client, row.id, row.embedding_dimensions);
  return {
    collection: row.name,
    chunks: rows.reduce((total, entry) => total + Number(entry.chunks), 0),
    sources: rows.map((entry) => entry.source),
  };
}
