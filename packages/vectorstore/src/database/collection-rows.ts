import type Database from 'better-sqlite3';
import { AndesError, type CollectionInfo } from '@andes-rag/core';
import { createFtsTable, dropFtsTable } from '../lexical/fts-table.js';
import { prepared } from './prepared-statement.js';

/** A row of the `collections` table. */
export interface CollectionRow {
  id: number;
  name: string;
  embedding_dimensions: number | null;
  embedding_model: string | null;
  /** Target chunk size in words recorded for the collection (schema 4), or null when none was. */
  chunk_size: number | null;
  /** The generation the collection's hnswlib index file must carry to be trusted. */
  index_generation: number;
  created_at: string;
}

/** The collection named `name`, or undefined. */
export function findCollection(database: Database.Database, name: string): CollectionRow | undefined {
  return prepared(database, 'SELECT * FROM collections WHERE name = ?').get(name) as CollectionRow | undefined;
}

/** The collection named `name`; throws an AndesError `collection_not_found` when there is none. */
export function requireCollection(database: Database.Database, name: string): CollectionRow {
  const row = findCollection(database, name);
  if (!row) {
    throw new AndesError('collection_not_found', `No collection named ${JSON.stringify(name)}`, {
      details: { collection: name },
    });
  }
  return row;
}

/** The collection named `name`, created (with its FTS5 table) when missing. Call inside a write transaction. */
export function findOrCreateCollection(database: Database.Database, name: string): CollectionRow {
  const existing = findCollection(database, name);
  if (existing) return existing;
  const { lastInsertRowid } = prepared(database, 'INSERT INTO collections (name, created_at) VALUES (?, ?)').run(
    name,
    new Date().toISOString(),
  );
  createFtsTable(database, Number(lastInsertRowid));
  return findCollection(database, name) as CollectionRow;
}

/** Every collection, by name. */
export function listCollectionRows(database: Database.Database): CollectionRow[] {
  return prepared(database, 'SELECT * FROM collections ORDER BY name').all() as CollectionRow[];
}

/** Deletes the collection's rows (documents and chunks by cascade) and its FTS5 table. Call inside a transaction. */
export function deleteCollectionRows(database: Database.Database, row: CollectionRow): void {
  prepared(database, 'DELETE FROM chunks WHERE collection_id = ?').run(row.id);
  prepared(database, 'DELETE FROM documents WHERE collection_id = ?').run(row.id);
  prepared(database, 'DELETE FROM collections WHERE id = ?').run(row.id);
  dropFtsTable(database, row.id);
}

/** The public view of a collection row, with its document and chunk counts. */
export function toCollectionInfo(database: Database.Database, row: CollectionRow): CollectionInfo {
  const counts = prepared(
    database,
    `SELECT (SELECT COUNT(*) FROM documents WHERE collection_id = @id) AS documents,
            (SELECT COUNT(*) FROM chunks WHERE collection_id = @id) AS chunks`,
  ).get({ id: row.id }) as { documents: number; chunks: number };
  return {
    name: row.name,
    embeddingDimensions: row.embedding_dimensions ?? undefined,
    embeddingModel: row.embedding_model ?? undefined,
    documentCount: counts.documents,
    chunkCount: counts.chunks,
    createdAt: row.created_at,
    ...(row.chunk_size === null ? {} : { chunkSize: row.chunk_size }),
  };
}
