import type Database from 'better-sqlite3';
import type { MalformedEmbeddingReport } from '@andes-rag/core';
import { advanceIndexGeneration } from '../database/advance-index-generation.js';
import type { CollectionRow } from '../database/collection-rows.js';
import { prepared } from '../database/prepared-statement.js';

const malformedSql = `c.collection_id = @collectionId AND c.embedding IS NOT NULL
  AND (@dimensions IS NULL OR length(c.embedding) != 4 * @dimensions)`;

/** The collection's chunks whose stored vector has the wrong size, with their documents' sources. Reads only. */
export function findMalformedEmbeddings(database: Database.Database, row: CollectionRow): MalformedEmbeddingReport {
  const parameters = { collectionId: row.id, dimensions: row.embedding_dimensions };
  const chunks = prepared(database, `SELECT COUNT(*) FROM chunks c WHERE ${malformedSql}`)
    .pluck()
    .get(parameters) as number;
  const sources = prepared(
    database,
    `SELECT DISTINCT d.source FROM chunks c JOIN documents d ON d.id = c.document_id WHERE ${malformedSql} ORDER BY d.source`,
  )
    .pluck()
    .all(parameters) as string[];
  return { collection: row.name, chunks, sources };
}

/**
 * Sets the malformed vectors of the collection to NULL and advances its index generation, so any index file holding
 * them is stale. Call inside one write transaction with a fresh collection row. Returns what was dropped.
 */
export function dropMalformedEmbeddingRows(database: Database.Database, row: CollectionRow): MalformedEmbeddingReport {
  const report = findMalformedEmbeddings(database, row);
  if (report.chunks === 0) return report;
  const parameters = { collectionId: row.id, dimensions: row.embedding_dimensions };
  prepared(database, `UPDATE chunks AS c SET embedding = NULL WHERE ${malformedSql}`).run(parameters);
  advanceIndexGeneration(database, row, { dimensions: row.embedding_dimensions, model: row.embedding_model });
  return report;
}
