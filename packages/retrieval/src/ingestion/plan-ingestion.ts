import type { DocumentRecord, DocumentWrite, DocumentWriteResult, SourceDocument } from '@andes-rag/core';
import { throwIfAborted } from '../cancellation/throw-if-aborted.js';
import { contentHash } from '../parsing/content-hash.js';
import type { IngestDocumentOptions } from './ingest-document.js';
import { prepareDocument } from './prepare-document.js';

/**
 * What to do with one file: nothing (`result`, the stored document is unchanged) or a `write` to store, without
 * embeddings yet.
 */
export type IngestionPlan = { result: DocumentWriteResult } | { write: DocumentWrite };

/** Whether the given tags (or access principals), as a set of trimmed non-empty names, are the stored ones. */
function sameNames(stored: readonly string[], given: readonly string[]): boolean {
  const wanted = new Set(given.map((tag) => tag.trim()).filter((tag) => tag.length > 0));
  return wanted.size === new Set(stored).size && stored.every((tag) => wanted.has(tag));
}

function sourceOf(record: DocumentRecord & { text: string; tags: string[]; access: string[] }): SourceDocument {
  const { source, title, mediaType, text, contentHash: hash, tags, access } = record;
  return {
    source,
    title,
    mediaType,
    text,
    contentHash: hash,
    tags,
    access,
    ...(record.warnings ? { warnings: record.warnings } : {}),
  };
}

/**
 * The first step of {@link ingestDocument}: hashes the bytes and, when the store holds this source with the same
 * hash, tags and access list, answers `unchanged` without parsing; with the same hash and other tags or access,
 * plans a write that only replaces those; otherwise parses and chunks the file ({@link prepareDocument}) into a write. Several plans may
 * run at once (parsing then uses several parser processes); the writes are stored in order.
 *
 * @throws AndesError `unsupported_file_type`, `parse_failed`, `payload_too_large`, `aborted`.
 */
export async function planIngestion(
  options: Pick<
    IngestDocumentOptions,
    | 'store'
    | 'collection'
    | 'source'
    | 'bytes'
    | 'mediaType'
    | 'tags'
    | 'access'
    | 'chunkOptions'
    | 'parsers'
    | 'signal'
  >,
): Promise<IngestionPlan> {
  const { store, collection, source } = options;
  throwIfAborted(options.signal);
  const existing = await store.findDocumentBySource(collection, source);
  if (existing && existing.contentHash === contentHash(options.bytes)) {
    if (sameNames(existing.tags ?? [], options.tags ?? []) && sameNames(existing.access ?? [], options.access ?? [])) {
      return { result: { document: existing, status: 'unchanged' } };
    }
    // Same content, other tags or access list: the store replaces only those, so the stored record stands in for a parse.
    const retag = { ...existing, text: '', tags: options.tags ?? [], access: options.access ?? [] };
    return { write: { collection, document: sourceOf(retag), chunks: [] } };
  }
  const { document, chunks } = await prepareDocument(
    {
      source,
      bytes: options.bytes,
      ...(options.mediaType === undefined ? {} : { mediaType: options.mediaType }),
      ...(options.chunkOptions === undefined ? {} : { chunkOptions: options.chunkOptions }),
    },
    options.parsers,
  );
  throwIfAborted(options.signal);
  const labels = {
    ...(options.tags === undefined ? {} : { tags: options.tags }),
    ...(options.access === undefined ? {} : { access: options.access }),
  };
  return { write: { collection, document: { ...document, ...labels }, chunks } };
}
