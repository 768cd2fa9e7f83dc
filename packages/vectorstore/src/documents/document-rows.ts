import type Database from 'better-sqlite3';
import type { DocumentRecord, DocumentWarning } from '@andes-rag/core';
import { prepared } from '../database/prepared-statement.js';
import { parseAccessColumn } from './access-column.js';

/** A row of the `documents` table. */
export interface DocumentRow {
  id: string;
  collection_id: number;
  source: string;
  title: string;
  media_type: string;
  content_hash: string;
  chunk_count: number;
  ingested_at: string;
  /** The document's warnings as a JSON array. */
  warnings: string;
  /** The document's tags as a JSON array of strings. */
  tags: string;
  /** Who may read it, as a JSON array of principals; NULL for every reader of the collection (`access-column.ts`). */
  access: string | null;
}

/** The public view of a document row. */
export function toDocumentRecord(row: DocumentRow, collection: string): DocumentRecord {
  const record: DocumentRecord = {
    id: row.id,
    collection,
    source: row.source,
    title: row.title,
    mediaType: row.media_type,
    contentHash: row.content_hash,
    chunkCount: row.chunk_count,
    ingestedAt: row.ingested_at,
    warnings: parseWarnings(row.warnings),
    tags: parseTags(row.tags),
  };
  const access = parseAccessColumn(row.access);
  return access === undefined ? record : { ...record, access };
}

/** The warnings column read back: only well-formed `{ code, message }` entries survive. */
function parseWarnings(json: string): DocumentWarning[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.filter(
    (warning): warning is DocumentWarning =>
      typeof warning === 'object' &&
      warning !== null &&
      typeof warning.code === 'string' &&
      typeof warning.message === 'string',
  );
}

/** The tags column read back: only strings survive. */
function parseTags(json: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  return Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === 'string') : [];
}

/** The document with this id in the collection, or undefined. */
export function findDocumentById(
  database: Database.Database,
  collectionId: number,
  documentId: string,
): DocumentRow | undefined {
  return prepared(database, 'SELECT * FROM documents WHERE collection_id = ? AND id = ?').get(
    collectionId,
    documentId,
  ) as DocumentRow | undefined;
}

/** The document stored from this source in the collection, or undefined. */
export function findDocumentBySource(
  database: Database.Database,
  collectionId: number,
  source: string,
): DocumentRow | undefined {
  return prepared(database, 'SELECT * FROM documents WHERE collection_id = ? AND source = ?').get(
    collectionId,
    source,
  ) as DocumentRow | undefined;
}

/** Every document of the collection, by source. */
export function listDocumentRows(database: Database.Database, collectionId: number): DocumentRow[] {
  return prepared(database, 'SELECT * FROM documents WHERE collection_id = ? ORDER BY source').all(
    collectionId,
  ) as DocumentRow[];
}
