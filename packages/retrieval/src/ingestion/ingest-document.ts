import { noopLogger, type DocumentRecord, type DocumentWrite, type DocumentWriteResult, type EmbeddingModel, type KnowledgeStore, type Logger, type SourceDocument } from '@andes/core';
import { throwIfAborted } from '../cancellation/throw-if-aborted.js';
import { chunkIndexText } from '../chunking/chunk-index-text.js';
import type { ChunkOptions } from '../chunking/chunk-options.js';
import { contentHash } from '../parsing/content-hash.js';
import type { ParserRegistry } from '../parsing/parser-registry.js';
import { embedInBatches } from './embed-in-batches.js';
import { prepareDocument } from './prepare-document.js';

/** One file to ingest, and where. */
export interface IngestDocumentOptions {
  /** Where the document goes. */
  store: KnowledgeStore;
  /** Embeds each chunk (title + heading path + text) for dense retrieval. Default: none (BM25 only). */
  embeddingModel?: EmbeddingModel;
  /** The collection; created on first use. */
  collection: string;
  /** The document's identity in the collection: the path it was ingested from, or the uploaded file name. */
  source: string;
  /** The file's bytes. */
  bytes: Uint8Array;
  /** Declared media type (an upload's Content-Type). Default: decided from the extension and the bytes. */
  mediaType?: string;
  /**
   * The document's tags, for `ChunkFilter.tags`. They replace whatever tags the stored version had; ingesting an
   * unchanged file with other tags updates only the tags (no parsing or embedding). Default: none.
   */
  tags?: string[];
  /** Chunk sizes. Default: {@link chunkDocument}'s (200 words, 30 words of overlap). */
  chunkOptions?: ChunkOptions;
  /** The parsers to choose from. Default: Markdown, plain text, HTML. */
  parsers?: ParserRegistry;
  /** Chunks per embedding call. Default 32. */
  embeddingBatchSize?: number;
  /** Cancels parsing and embedding; nothing is stored once it fires (AndesError `aborted`). */
  signal?: AbortSignal;
  /** Receives a debug line per document. Default: {@link noopLogger}. */
  logger?: Logger;
}

/** Whether the given tags, as a set of trimmed non-empty names, are the stored ones. */
function sameTags(stored: readonly string[], given: readonly string[]): boolean {
  const wanted = new Set(given.map((tag) => tag.trim()).filter((tag) => tag.length > 0));
  return wanted.size === new Set(stored).size && stored.every((tag) => wanted.has(tag));
}

function sourceOf(record: DocumentRecord & { text: string; tags: string[] }): SourceDocument {
  const { source, title, mediaType, text, contentHash: hash, tags } = record;
  return { source, title, mediaType, text, contentHash: hash, tags, ...(record.warnings ? { warnings: record.warnings } : {}) };
}

/**
 * Ingests one file: hashes the bytes first and, when the store already holds this source with the same hash,
 * returns `unchanged` without parsing or embedding (or, when only `tags` differ, has the store replace the tags). Otherwise parses, chunks, embeds the chunks (when an embedding
 * model is given) and stores document, chunks and vectors in one `putDocument` call, which replaces an older
 * version atomically.
 *
 * @throws AndesError `unsupported_file_type`, `parse_failed`, `aborted`, `model_error`, or the store's `storage_error`.
 */
export async function ingestDocument(options: IngestDocumentOptions): Promise<DocumentWriteResult> {
  const { store, embeddingModel, collection, source, signal } = options;
  const logger = options.logger ?? noopLogger;
  throwIfAborted(signal);
  const existing = await store.findDocumentBySource(collection, source);
  if (existing && existing.contentHash === contentHash(options.bytes)) {
    if (sameTags(existing.tags ?? [], options.tags ?? [])) {
      logger.debug('document unchanged', { collection, source });
      return { document: existing, status: 'unchanged' };
    }
    // Same content, other tags: the store replaces only the tags, so the stored record stands in for a parse.
    const retag = { ...existing, text: '', tags: options.tags ?? [] };
    const result = await store.putDocument({ collection, document: sourceOf(retag), chunks: [] });
    logger.debug('document tags updated', { collection, source, status: result.status });
    return result;
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
  const write: DocumentWrite = {
    collection,
    document: options.tags === undefined ? document : { ...document, tags: options.tags },
    chunks,
  };
  if (embeddingModel) {
    const texts = chunks.map((chunk) => chunkIndexText({ title: document.title, headingPath: chunk.headingPath, text: chunk.text }));
    write.embeddings = await embedInBatches(embeddingModel, texts, { batchSize: options.embeddingBatchSize ?? 32, ...(signal ? { signal } : {}) });
    write.embeddingModel = embeddingModel.id;
  }
  throwIfAborted(signal);
  const result = await store.putDocument(write);
  logger.debug('document stored', { collection, source, status: result.status, chunks: chunks.length });
  return result;
}
