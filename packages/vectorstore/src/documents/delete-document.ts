import type Database from 'better-sqlite3';
import type { CollectionRow } from '../database/collection-rows.js';
import { prepared } from '../database/prepared-statement.js';
import type { VectorChange } from '../vector/vector-indexes.js';
import { findDocumentById } from './document-rows.js';
import { removeDocumentChunks } from './remove-document-chunks.js';

/** What {@link deleteDocumentRows} did. */
export interface DocumentDeleteOutcome {
  deleted: boolean;
  vectorChange: VectorChange | undefined;
}

/**
 * Deletes a document, its chunks and their FTS5 rows. Call inside one write transaction. Bumps the collection's index
 * generation when vectors went with it.
 */
export function deleteDocumentRows(
  database: Database.Database,
  collection: CollectionRow,
  documentId: string,
): DocumentDeleteOutcome {
  if (!findDocumentById(database, collection.id, documentId)) return { deleted: false, vectorChange: undefined };
  const removed = removeDocumentChunks(database, collection.id, documentId);
  prepared(database, 'DELETE FROM documents WHERE id = ?').run(documentId);
  if (removed.length === 0) return { deleted: true, vectorChange: undefined };
  const generationAfter = collection.index_generation + 1;
  prepared(database, 'UPDATE collections SET index_generation = ? WHERE id = ?').run(generationAfter, collection.id);
  return {
    deleted: true,
    vectorChange: {
      collectionId: collection.id,
      generationBefore: collection.index_generation,
      generationAfter,
      removed,
      added: [],
    },
  };
}
