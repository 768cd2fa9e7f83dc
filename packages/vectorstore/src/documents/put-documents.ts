import type Database from 'better-sqlite3';
import type { DocumentWrite, DocumentWriteResult } from '@andes-rag/core';
import { findCollection } from '../database/collection-rows.js';
import type { VectorIndexes } from '../vector/vector-indexes.js';
import { validateDocumentWrite } from './validate-document-write.js';
import { writeDocument } from './write-document.js';

/**
 * Stores several document writes with one durable commit (group commit): one write transaction, so one WAL fsync
 * for the whole batch instead of one per document, then applies their vector changes in order. All of them are
 * stored or, on any error, none. Each write behaves as one `putDocument` would, in order: a later write of the same
 * source sees the earlier one.
 *
 * @throws AndesError `invalid_request` when a write is invalid (nothing is written); what `writeDocument` throws.
 */
export function putDocuments(
  database: Database.Database,
  vectorIndexes: VectorIndexes,
  writes: readonly DocumentWrite[],
): DocumentWriteResult[] {
  const dimensions = writes.map((write) => validateDocumentWrite(write));
  for (const name of new Set(writes.map((write) => write.collection))) {
    // Load (or rebuild) each index before the writes change it, so they apply as deltas.
    const row = findCollection(database, name);
    if (row) vectorIndexes.indexFor(row);
  }
  const outcomes = database
    .transaction(() => writes.map((write, index) => writeDocument(database, write, dimensions[index])))
    .immediate();
  for (const outcome of outcomes) if (outcome.vectorChange) vectorIndexes.apply(outcome.vectorChange);
  return outcomes.map((outcome) => outcome.result);
}
