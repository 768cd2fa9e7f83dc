import type Database from 'better-sqlite3';
import { AndesError } from '@andes-rag/core';
import type { CollectionRow } from './collection-rows.js';
import { prepared } from './prepared-statement.js';

/** Throws `invalid_request` unless `chunkSize` is a positive integer. */
export function assertChunkSize(chunkSize: unknown): asserts chunkSize is number {
  if (typeof chunkSize !== 'number' || !Number.isSafeInteger(chunkSize) || chunkSize < 1) {
    throw new AndesError(
      'invalid_request',
      `The chunk size must be a positive whole number of words, got ${String(chunkSize)}.`,
    );
  }
}

/**
 * Records the collection's target chunk size in words. A collection that holds documents keeps the size they were
 * chunked at: another size is refused with `conflict` (the store cannot chunk them again: it keeps their text, not
 * their original files). A collection without a recorded size (made before schema 4) takes the one given. Call
 * inside a write transaction. Returns the updated row.
 */
export function recordChunkSize(database: Database.Database, row: CollectionRow, chunkSize: number): CollectionRow {
  if (row.chunk_size === chunkSize) return row;
  if (row.chunk_size !== null) {
    const { documents } = prepared(database, 'SELECT COUNT(*) AS documents FROM documents WHERE collection_id = ?').get(
      row.id,
    ) as {
      documents: number;
    };
    if (documents > 0) {
      throw new AndesError(
        'conflict',
        `Collection ${JSON.stringify(row.name)} holds ${documents} document(s) chunked at ${row.chunk_size} words; ` +
          `it cannot take a chunk size of ${chunkSize}. Ingest into a new collection with that size, or delete ` +
          'this collection and ingest its files again.',
        { details: { collection: row.name, chunkSize: row.chunk_size, requested: chunkSize, documents } },
      );
    }
  }
  prepared(database, 'UPDATE collections SET chunk_size = ? WHERE id = ?').run(chunkSize, row.id);
  return { ...row, chunk_size: chunkSize };
}
