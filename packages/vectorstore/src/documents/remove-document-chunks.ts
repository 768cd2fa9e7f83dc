import type Database from 'better-sqlite3';
import { prepared } from '../database/prepared-statement.js';
import { ftsTableName } from '../lexical/fts-table.js';

/**
 * Deletes a document's chunks from `chunks` and from the collection's FTS5 table. Call inside a transaction.
 * Returns the labels of the removed chunks that had embeddings, for the vector index.
 */
export function removeDocumentChunks(database: Database.Database, collectionId: number, documentId: string): number[] {
  const labels = prepared(
    database,
    'SELECT rowid FROM chunks WHERE document_id = ? AND embedding IS NOT NULL ORDER BY rowid',
  )
    .pluck()
    .all(documentId) as number[];
  prepared(
    database,
    `DELETE FROM ${ftsTableName(collectionId)} WHERE rowid IN (SELECT rowid FROM chunks WHERE document_id = ?)`,
  ).run(documentId);
  prepared(database, 'DELETE FROM chunks WHERE document_id = ?').run(documentId);
  return labels;
}
