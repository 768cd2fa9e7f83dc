import type Database from 'better-sqlite3';
import type { DocumentWrite } from '@andes-rag/core';
import { embeddingToBlob } from '../database/embedding-blob.js';
import { prepared } from '../database/prepared-statement.js';
import { newChunkId } from '../database/record-ids.js';
import { ftsBody, ftsTableName } from '../lexical/fts-table.js';
import type { LabelledVector } from '../vector/collection-vector-index.js';
import type { DocumentRow } from './document-rows.js';

/**
 * Inserts a document's chunks into `chunks` and the collection's FTS5 table, with their embeddings when the write
 * has them. Call inside a transaction. Returns the new vectors labelled with their chunk rowids.
 */
export function insertChunks(
  database: Database.Database,
  collectionId: number,
  document: DocumentRow,
  write: DocumentWrite,
): LabelledVector[] {
  const insertChunk = prepared(
    database,
    `INSERT INTO chunks
       (id, document_id, collection_id, chunk_index, text, heading_path, start_offset, end_offset, page, embedding)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSearchRow = prepared(database, `INSERT INTO ${ftsTableName(collectionId)} (rowid, body) VALUES (?, ?)`);
  const added: LabelledVector[] = [];
  for (const [position, chunk] of write.chunks.entries()) {
    const vector = write.embeddings?.[position];
    const { lastInsertRowid } = insertChunk.run(
      newChunkId(),
      document.id,
      collectionId,
      chunk.index,
      chunk.text,
      JSON.stringify(chunk.headingPath),
      chunk.startOffset,
      chunk.endOffset,
      chunk.page ?? null,
      vector ? embeddingToBlob(vector) : null,
    );
    const label = Number(lastInsertRowid);
    insertSearchRow.run(label, ftsBody(document.title, chunk.headingPath, chunk.text));
    if (vector) added.push({ label, vector });
  }
  return added;
}
