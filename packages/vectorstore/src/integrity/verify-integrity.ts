import type Database from 'better-sqlite3';
import type { CollectionIntegrity, IntegrityProblem, IntegrityReport } from '@andes-rag/core';
import { listCollectionRows, type CollectionRow } from '../database/collection-rows.js';
import type { CollectionVectorIndex } from '../vector/collection-vector-index.js';
import { checkCollectionRecords } from './collection-record-checks.js';
import { problemIf } from './integrity-problem.js';
import { checkVectorIndex } from './vector-index-checks.js';

/**
 * Checks the whole store: SQLite's own `quick_check` and foreign keys, then each collection's records, lexical
 * index and vector index (`vectorIndexFor` loads it, rebuilding a stale file as any search would). Changes no
 * record.
 */
export function verifyIntegrity(
  database: Database.Database,
  vectorIndexFor: (row: CollectionRow) => CollectionVectorIndex | undefined,
): IntegrityReport {
  const problems: IntegrityProblem[] = [];
  const quickCheck = database.pragma('quick_check', { simple: true });
  if (quickCheck !== 'ok') {
    problems.push({ collection: undefined, check: 'sqlite-quick-check', count: 1, message: String(quickCheck) });
  }
  const foreignKeyViolations = (database.pragma('foreign_key_check') as unknown[]).length;
  problems.push(
    ...problemIf(foreignKeyViolations, undefined, 'foreign-keys', 'rows point to a missing row of another table'),
  );
  const collections: CollectionIntegrity[] = [];
  for (const row of listCollectionRows(database)) {
    const records = checkCollectionRecords(database, row);
    const vectors = checkVectorIndex(database, row, vectorIndexFor(row));
    problems.push(...records.problems, ...vectors.problems);
    collections.push({
      collection: row.name,
      documents: records.documents,
      chunks: records.chunks,
      embeddedChunks: records.embeddedChunks,
      indexedVectors: vectors.indexedVectors,
      lexicalRows: records.lexicalRows,
    });
  }
  return { ok: problems.length === 0, problems, collections };
}
