import type { CollectionIntegrity, IntegrityProblem, IntegrityReport } from '@andes-rag/core';
import type { SqlQueryable } from '../connection/postgres-connection.js';

interface CountsRow {
  name: string;
  dimensions: number | null;
  documents: number;
  chunks: number;
  embedded: number;
  malformed: number;
  miscounted: number;
}

/**
 * Checks every collection. Foreign keys keep chunks tied to their documents, and the lexical and vector indexes are
 * PostgreSQL's own (updated in the same transaction as the rows), so what is left to check is what the schema cannot
 * say: stored vectors of the wrong size, and documents whose recorded chunk count differs from their chunks.
 */
export async function verifyIntegrity(client: SqlQueryable): Promise<IntegrityReport> {
  const { rows } = await client.query<CountsRow>(
    `SELECT co.name, co.embedding_dimensions AS dimensions,
        (SELECT count(*)::int FROM documents d WHERE d.collection_id = co.id) AS documents,
        (SELECT count(*)::int FROM chunks c WHERE c.collection_id = co.id) AS chunks,
        (SELECT count(*)::int FROM chunks c WHERE c.collection_id = co.id AND c.embedding IS NOT NULL) AS embedded,
        (SELECT count(*)::int FROM chunks c WHERE c.collection_id = co.id AND c.embedding IS NOT NULL
            AND cardinality(c.embedding) IS DISTINCT FROM co.embedding_dimensions) AS malformed,
        (SELECT count(*)::int FROM documents d WHERE d.collection_id = co.id
            AND d.chunk_count <> (SELECT count(*) FROM chunks c WHERE c.document_id = d.id)) AS miscounted
       FROM collections co ORDER BY co.name COLLATE "C"`,
  );
  const problems: IntegrityProblem[] = [];
  const collections: CollectionIntegrity[] = rows.map((row) => {
    if (Number(row.malformed) > 0) {
      problems.push({
        collection: row.name,
        check: 'malformed-embedding',
        count: Number(row.malformed),
        message: `${row.malformed} stored vector(s) do not have the collection's ${row.dimensions} dimensions; run \`andes reindex\``,
      });
    }
    if (Number(row.miscounted) > 0) {
      problems.push({
        collection: row.name,
        check: 'document-chunk-count',
        count: Number(row.miscounted),
        message: `${row.miscounted} document(s) record a chunk count their chunks do not match; ingest them again`,
      });
    }
    return {
      collection: row.name,
      documents: Number(row.documents),
      chunks: Number(row.chunks),
      embeddedChunks: Number(row.embedded),
      indexedVectors: Number(row.embedded) - Number(row.malformed),
      lexicalRows: Number(row.chunks),
    };
  });
  return { ok: problems.length === 0, problems, collections };
}
