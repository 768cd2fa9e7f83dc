import {
  assertEmbeddingsFit as assertStoredEmbeddingsFit,
  type DocumentWrite,
  type DocumentWriteResult,
} from '@andes-rag/core';
import type { SqlQueryable } from '../connection/postgres-connection.js';
import { findOrCreateCollection, type CollectionRow } from '../collections/collection-rows.js';
import { normalizeLabels } from '../validation/store-input-checks.js';
import { recordEmbeddingModel } from '../vector/record-embedding-model.js';
import { insertChunks } from './chunk-rows.js';
import { findDocument, toDocumentRecord, type DocumentRow } from './document-rows.js';
import { newDocumentId } from './record-ids.js';

/** Core's `assertEmbeddingsFit` for a collection row: the vectors it holds against `dimensions` and `model`. */
export function assertEmbeddingsFit(collection: CollectionRow, dimensions: number, model: string | undefined): void {
  assertStoredEmbeddingsFit(
    { name: collection.name, dimensions: collection.embedding_dimensions, model: collection.embedding_model },
    dimensions,
    model,
  );
}

function sameLabels(left: readonly string[] | null, right: readonly string[] | null): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

/**
 * Stores a validated write inside the caller's transaction, holding the collection's row lock so two replicas
 * writing one collection take turns. The same source with the same content hash writes nothing, unless its tags or
 * access list differ (then only those are replaced, status `updated`); a changed document keeps its id and has its
 * chunks replaced.
 */
export async function writeDocument(
  client: SqlQueryable,
  write: DocumentWrite,
  dimensions: number | undefined,
  pgvector: boolean,
): Promise<DocumentWriteResult> {
  const collection = await findOrCreateCollection(client, write.collection);
  const existing = await findDocument(client, collection.id, 'source', write.document.source);
  const tags = normalizeLabels(write.document.tags);
  const accessList = normalizeLabels(write.document.access);
  const access = accessList.length === 0 ? null : accessList;
  if (existing?.content_hash === write.document.contentHash) {
    if (sameLabels(existing.tags, tags) && sameLabels(existing.access, access)) {
      return { document: toDocumentRecord(existing, collection.name), status: 'unchanged' };
    }
    await client.query('UPDATE documents SET tags = $1, access = $2 WHERE id = $3', [tags, access, existing.id]);
    return { document: toDocumentRecord({ ...existing, tags, access }, collection.name), status: 'updated' };
  }
  if (dimensions !== undefined) assertEmbeddingsFit(collection, dimensions, write.embeddingModel);
  if (existing) await client.query('DELETE FROM chunks WHERE document_id = $1', [existing.id]);
  const row: DocumentRow = {
    id: existing?.id ?? newDocumentId(),
    collection_id: collection.id,
    source: write.document.source,
    title: write.document.title,
    media_type: write.document.mediaType,
    content_hash: write.document.contentHash,
    chunk_count: write.chunks.length,
    ingested_at: new Date().toISOString(),
    warnings: write.document.warnings ?? [],
    tags,
    access,
  };
  await client.query(
    `INSERT INTO documents (id, collection_id, source, title, media_type, content_hash, chunk_count, ingested_at,
       warnings, tags, access)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, media_type = excluded.media_type,
       content_hash = excluded.content_hash, chunk_count = excluded.chunk_count, ingested_at = excluded.ingested_at,
       warnings = excluded.warnings, tags = excluded.tags, access = excluded.access`,
    [
      row.id,
      row.collection_id,
      row.source,
      row.title,
      row.media_type,
      row.content_hash,
      row.chunk_count,
      row.ingested_at,
      JSON.stringify(row.warnings),
      row.tags,
      row.access,
    ],
  );
  await insertChunks(client, collection.id, row.id, write);
  if (dimensions !== undefined) {
    await recordEmbeddingModel(client, collection, { dimensions, id: write.embeddingModel }, pgvector);
  }
  return { document: toDocumentRecord(row, collection.name), status: existing ? 'updated' : 'created' };
}
