import type Database from 'better-sqlite3';
import type { Chunk } from '@andes-rag/core';
import { prepared } from '../database/prepared-statement.js';

/** A chunk row joined with the document fields a {@link Chunk} carries. */
interface ChunkWithDocumentRow {
  id: string;
  document_id: string;
  chunk_index: number;
  text: string;
  heading_path: string;
  start_offset: number;
  end_offset: number;
  page: number | null;
  source: string;
  title: string;
  media_type: string;
}

function toChunk(row: ChunkWithDocumentRow, collection: string): Chunk {
  const chunk: Chunk = {
    id: row.id,
    documentId: row.document_id,
    collection,
    source: row.source,
    title: row.title,
    mediaType: row.media_type,
    index: row.chunk_index,
    text: row.text,
    headingPath: JSON.parse(row.heading_path) as string[],
    startOffset: row.start_offset,
    endOffset: row.end_offset,
  };
  if (row.page !== null) chunk.page = row.page;
  return chunk;
}

/** The collection's chunks with these ids, in the order asked, skipping ids it does not hold. */
export function selectChunks(
  database: Database.Database,
  collection: { id: number; name: string },
  chunkIds: readonly string[],
): Chunk[] {
  if (chunkIds.length === 0) return [];
  const rows = prepared(
    database,
    `SELECT c.id, c.document_id, c.chunk_index, c.text, c.heading_path, c.start_offset, c.end_offset, c.page,
            d.source, d.title, d.media_type
       FROM chunks c JOIN documents d ON d.id = c.document_id
      -- The unary + keeps SQLite on the chunk-id index: without it the planner scans the whole collection.
      WHERE +c.collection_id = ? AND c.id IN (SELECT value FROM json_each(?))`,
  ).all(collection.id, JSON.stringify(chunkIds)) as ChunkWithDocumentRow[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const chunks: Chunk[] = [];
  for (const id of chunkIds) {
    const row = byId.get(id);
    if (row) chunks.push(toChunk(row, collection.name));
  }
  return chunks;
}

/** Every chunk of one document in the collection, in order; empty for a document the collection does not hold. */
export function selectDocumentChunks(
  database: Database.Database,
  collection: { id: number; name: string },
  documentId: string,
): Chunk[] {
  const rows = prepared(
    database,
    `SELECT c.id, c.document_id, c.chunk_index, c.text, c.heading_path, c.start_offset, c.end_offset, c.page,
            d.source, d.title, d.media_type
       FROM chunks c JOIN documents d ON d.id = c.document_id
      WHERE c.document_id = ? AND d.collection_id = ?
      ORDER BY c.chunk_index`,
  ).all(documentId, collection.id) as ChunkWithDocumentRow[];
  return rows.map((row) => toChunk(row, collection.name));
}
