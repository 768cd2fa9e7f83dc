import type Database from 'better-sqlite3';
import type { DocumentWrite, DocumentWriteResult } from '@andes-rag/core';
import { findOrCreateCollection } from '../database/collection-rows.js';
import { advanceIndexGeneration } from '../database/advance-index-generation.js';
import { prepared } from '../database/prepared-statement.js';
import { newDocumentId } from '../database/record-ids.js';
import type { VectorChange } from '../vector/vector-indexes.js';
import { assertEmbeddingsFit } from './assert-embeddings-fit.js';
import { findDocumentBySource, toDocumentRecord, type DocumentRow } from './document-rows.js';
import { insertChunks } from './insert-chunks.js';
import { normalizeTags } from './normalize-tags.js';
import { accessColumn } from './access-column.js';
import { removeDocumentChunks } from './remove-document-chunks.js';

/** What {@link writeDocument} did: the result for the caller and the change for the vector index. */
export interface DocumentWriteOutcome {
  result: DocumentWriteResult;
  vectorChange: VectorChange | undefined;
}

/**
 * Stores a validated write. Call inside one write transaction: on any throw nothing of it remains. An unchanged
 * document (same source, same content hash) writes nothing, unless its tags differ: then only the tags are replaced
 * (status `updated`, no vector change). A changed one keeps its id and has its old chunks
 * replaced. Bumps the collection's index generation whenever its vectors change, so an index file saved before this
 * write is recognised as stale.
 */
export function writeDocument(
  database: Database.Database,
  write: DocumentWrite,
  dimensions: number | undefined,
): DocumentWriteOutcome {
  const collection = findOrCreateCollection(database, write.collection);
  const existing = findDocumentBySource(database, collection.id, write.document.source);
  const tags = JSON.stringify(normalizeTags(write.document.tags));
  const access = accessColumn(write.document.access);
  if (existing?.content_hash === write.document.contentHash) {
    if (existing.tags === tags && existing.access === access) {
      return {
        result: { document: toDocumentRecord(existing, collection.name), status: 'unchanged' },
        vectorChange: undefined,
      };
    }
    // Same content, new tags or access list: they are replaced in place; chunks and vectors stay.
    prepared(database, 'UPDATE documents SET tags = ?, access = ? WHERE id = ?').run(tags, access, existing.id);
    const document = toDocumentRecord({ ...existing, tags, access }, collection.name);
    return { result: { document, status: 'updated' }, vectorChange: undefined };
  }
  if (dimensions !== undefined) assertEmbeddingsFit(collection, dimensions, write.embeddingModel);

  const removed = existing ? removeDocumentChunks(database, collection.id, existing.id) : [];
  const row: DocumentRow = {
    id: existing?.id ?? newDocumentId(),
    collection_id: collection.id,
    source: write.document.source,
    title: write.document.title,
    media_type: write.document.mediaType,
    content_hash: write.document.contentHash,
    chunk_count: write.chunks.length,
    ingested_at: new Date().toISOString(),
    warnings: JSON.stringify(write.document.warnings ?? []),
    tags,
    access,
  };
  prepared(
    database,
    `INSERT INTO documents (id, collection_id, source, title, media_type, content_hash, chunk_count, ingested_at, warnings, tags, access)
     VALUES (@id, @collection_id, @source, @title, @media_type, @content_hash, @chunk_count, @ingested_at, @warnings, @tags, @access)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, media_type = excluded.media_type,
       content_hash = excluded.content_hash, chunk_count = excluded.chunk_count, ingested_at = excluded.ingested_at,
       warnings = excluded.warnings, tags = excluded.tags, access = excluded.access`,
  ).run(row);
  const added = insertChunks(database, collection.id, row, write);

  let vectorChange: VectorChange | undefined;
  if (removed.length > 0 || added.length > 0) {
    const generationAfter = advanceIndexGeneration(database, collection, {
      dimensions: dimensions ?? null,
      model: dimensions === undefined ? null : (write.embeddingModel ?? null),
    });
    vectorChange = {
      collectionId: collection.id,
      generationBefore: collection.index_generation,
      generationAfter,
      removed,
      added,
    };
  }
  return {
    result: { document: toDocumentRecord(row, collection.name), status: existing ? 'updated' : 'created' },
    vectorChange,
  };
}
