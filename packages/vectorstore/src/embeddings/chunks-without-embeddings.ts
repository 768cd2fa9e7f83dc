import type Database from 'better-sqlite3';
import { AndesError, type ChunksToEmbed } from '@andes-rag/core';
import { prepared } from '../database/prepared-statement.js';

interface ChunkToEmbedRow {
  chunkId: string;
  title: string;
  heading_path: string;
  text: string;
}

/** The first `limit` chunks of the collection without an embedding, by rowid, and how many there are in all. */
export function chunksWithoutEmbeddings(
  database: Database.Database,
  collectionId: number,
  limit: number,
): ChunksToEmbed {
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new AndesError('invalid_request', `limit must be a positive integer, got ${String(limit)}`);
  }
  const remaining = prepared(database, 'SELECT COUNT(*) FROM chunks WHERE collection_id = ? AND embedding IS NULL')
    .pluck()
    .get(collectionId) as number;
  const rows = prepared(
    database,
    `SELECT c.id AS chunkId, d.title, c.heading_path, c.text
       FROM chunks c JOIN documents d ON d.id = c.document_id
      WHERE c.collection_id = ? AND c.embedding IS NULL
      ORDER BY c.rowid LIMIT ?`,
  ).all(collectionId, limit) as ChunkToEmbedRow[];
  const chunks = rows.map((row) => ({
    chunkId: row.chunkId,
    title: row.title,
    headingPath: JSON.parse(row.heading_path) as string[],
    text: row.text,
  }));
  return { chunks, remaining };
}
