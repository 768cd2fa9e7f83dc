import type { DocumentRecord, DocumentWarning } from '@andes-rag/core';
import type { SqlQueryable } from '../connection/postgres-connection.js';

/** A row of `documents`. */
export interface DocumentRow {
  id: string;
  collection_id: number;
  source: string;
  title: string;
  media_type: string;
  content_hash: string;
  chunk_count: number;
  ingested_at: string;
  warnings: DocumentWarning[];
  tags: string[];
  /** NULL when every reader of the collection may read it. */
  access: string[] | null;
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
    warnings: Array.isArray(row.warnings) ? row.warnings : [],
    tags: row.tags ?? [],
  };
  return row.access === null ? record : { ...record, access: row.access };
}

/** The document of the collection with this column value (`id` or `source`), or undefined. */
export async function findDocument(
  client: SqlQueryable,
  collectionId: number,
  column: 'id' | 'source',
  value: string,
): Promise<DocumentRow | undefined> {
  const { rows } = await client.query<DocumentRow>(
    `SELECT * FROM documents WHERE collection_id = $1 AND ${column} = $2`,
    [collectionId, value],
  );
  return rows[0];
}

/** Every document of the collection, by source. */
export async function listDocumentRows(client: SqlQueryable, collectionId: number): Promise<DocumentRow[]> {
  const { rows } = await client.query<DocumentRow>(
    'SELECT * FROM documents WHERE collection_id = $1 ORDER BY source COLLATE "C"',
    [collectionId],
  );
  return rows;
}
