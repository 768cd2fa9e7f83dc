import {
  noopLogger,
  type DocumentWriteResult,
  type EmbeddingModel,
  type KnowledgeStore,
  type Logger,
} from '@andes-rag/core';
import { throwIfAborted } from '../cancellation/throw-if-aborted.js';
import type { ChunkOptions } from '../chunking/chunk-options.js';
import type { ParserRegistry } from '../parsing/parser-registry.js';
import { embedWrite } from './embed-write.js';
import { planIngestion } from './plan-ingestion.js';

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
  /**
   * Who may read the document: principals `group:<name>` or `key:<id>`. Replaces the stored version's list, like
   * `tags` (an unchanged file with another list gets only the list updated). Default: every reader of the collection.
   */
  access?: string[];
  /** Chunk sizes. Default: `chunkDocument`'s (200 words, 30 words of overlap). */
  chunkOptions?: ChunkOptions;
  /**
   * The parsers to choose from. Default: `createDefaultParserRegistry()`, every built-in parser (Markdown, plain
   * text, reStructuredText, HTML, CSV, PDF, DOCX), loaded on first use.
   */
  parsers?: ParserRegistry;
  /** Chunks per embedding call. Default 32. */
  embeddingBatchSize?: number;
  /** Cancels parsing and embedding; nothing is stored once it fires (AndesError `aborted`). */
  signal?: AbortSignal;
  /** Receives a debug line per document. Default: {@link noopLogger}. */
  logger?: Logger;
}

/**
 * Ingests one file: hashes the bytes first and, when the store already holds this source with the same hash,
 * returns `unchanged` without parsing or embedding (or, when only `tags` differ, has the store replace the tags).
 * Otherwise parses and chunks it ({@link prepareDocument}: in a parser process with the default registry), embeds
 * the chunks (when an embedding model is given) and stores document, chunks and vectors in one `putDocument` call,
 * which replaces an older version atomically. {@link planIngestion} and {@link embedWrite} are its first two steps,
 * for callers that store many files with one commit.
 *
 * @throws AndesError `unsupported_file_type`, `parse_failed`, `aborted`, `model_error`, or the store's `storage_error`.
 */
export async function ingestDocument(options: IngestDocumentOptions): Promise<DocumentWriteResult> {
  const { store, collection, source } = options;
  const logger = options.logger ?? noopLogger;
  const plan = await planIngestion(options);
  if ('result' in plan) {
    logger.debug('document unchanged', { collection, source });
    return plan.result;
  }
  const write = await embedWrite(plan.write, options);
  throwIfAborted(options.signal);
  const result = await store.putDocument(write);
  logger.debug('document stored', { collection, source, status: result.status, chunks: write.chunks.length });
  return result;
}
