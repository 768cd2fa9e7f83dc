import type { Chunk, DocumentWrite } from '@andes-rag/core';
import type { SqlQueryable } from '../connection/postgres-connection.js';
import { searchVectorLiteral } from '../lexical/search-vector-literal.js';
import { newChunkId } from './record-ids.js';

interface ChunkRow {
  id: string;
  document_id: string;
  chunk_index: number;
  text: string;
  heading_path: string[];
  start_offset: number;
  end_offset: number;
  page: number | null;
  source: string;
  title: string;
  media_type: string;
}

const chunkColumns = `c.id, c.document_id, c.chunk_index, c.text, c.heading_path, c.start_offset, c.end_offset, c.page,
  d.source, d.title, d.media_type`;

function toChunk(row: ChunkRow, collection: string): Chunk {
  return {
    id: row.id,
    documentId: row.document_id,
    collection,
    source: row.source,
    title: row.title,
    mediaType: row.media_type,
    index: row.chunk_index,
    text: row.text,
    headingPath: row.heading_path,
    startOffset: row.start_offset,
    endOffset: row.end_offset,
    ...(row.page === null ? {} : { page: row.page }),
  };
}

/**
 * Inserts the write's chunks for a stored document, with their full-text vectors and embeddings, in one statement
 * (one round trip however many chunks: arrays unnested server-side; each embedding travels as an array literal
 * because `unnest` would flatten a two-dimensional array).
 */
export async function insertChunks(
  client: SqlQueryable,
  collectionId: number,
  documentId: string,
  write: DocumentWrite,
): Promise<void> {
  if (write.chunks.length === 0) return;
  const { chunks, embeddings } = write;
  await client.query(
    `INSERT INTO chunks (id, document_id, collection_id, chunk_index, text, heading_path, start_offset, end_offset,
       page, embedding, search_vector)
     SELECT id, $1, $2, chunk_index, text, heading_path::jsonb, start_offset, end_offset, page, embedding::real[],
       search_vector::tsvector
       FROM unnest($3::text[], $4::int[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[], $10::text[],
         $11::text[]) AS rows (id, chunk_index, text, heading_path, start_offset, end_offset, page, embedding,
         search_vector)`,
    [
      documentId,
      collectionId,
      chunks.map(() => newChunkId()),
      chunks.map((chunk) => chunk.index),
      chunks.map((chunk) => chunk.text),
      chunks.map((chunk) => JSON.stringify(chunk.headingPath)),
      chunks.map((chunk) => chunk.startOffset),
      chunks.map((chunk) => chunk.endOffset),
      chunks.map((chunk) => chunk.page ?? null),
      chunks.map((_, position) => {
        const vector = embeddings?.[position];
        return vector === undefined ? null : `{${Array.from(vector).join(',')}}`;
      }),
      chunks.map((chunk) => searchVectorLiteral(write.document.title, chunk.headingPath, chunk.text)),
    ],
  );
}

/** The collection's chunks with these ids, in the order asked, skipping unknown ids. */
export async function selectChunks(
  client: SqlQueryable,
  collection: { id: number; name: string },
  chunkIds: string[],
): Promise<Chunk[]> {
  if (chunkIds.length === 0) return [];
  const { rows } = await client.query<ChunkRow>(
    `SELECT ${chunkColumns} FROM chunks c JOIN documents d ON d.id = c.document_id
      WHERE c.collection_id = $1 AND c.id = ANY($2::text[])`,
    [collection.id, chunkIds],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return chunkIds.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toChunk(row, collection.name)] : [];
  });
}

/** Every chunk of one document, by index. */
export async function selectDocumentChunks(
  client: SqlQueryable,
  collection: { id: number; name: string },
  documentId: string,
): Promise<Chunk[]> {
  const { rows } = await client.query<ChunkRow>(
    `SELECT ${chunkColumns} FROM chunks c JOIN documents d ON d.id = c.document_id
      WHERE c.collection_id = $1 AND c.document_id = $2 ORDER BY c.chunk_index`,
    [collection.id, documentId],
  );
  return rows.map((row) => toChunk(row, collection.name));
}
