import type { ChatModel, EmbeddingModel, KnowledgeStore, Reranker } from '@andes-rag/core';
import type { HybridRetriever } from '@andes-rag/retrieval';
import type { IngestProgress, IngestReport } from './andes-service.js';
import { collectIngestFiles, type CollectIngestFilesOptions } from './ingestion/collect-ingest-files.js';
import { AndesRuntime, type AndesRuntimeParts } from './service/andes-runtime.js';

/**
 * The parts an opened {@link Andes} is made of, for adapters that plug Andes into other frameworks (the LangChain
 * `AndesVectorStore`, `AndesRetriever` and `AndesEmbeddings` take these), so they share its store and models
 * instead of opening a second store. Closed together with the `Andes` that owns them.
 */
export interface AndesComponents {
  /** The store (SQLite + FTS5 + hnswlib) every collection lives in. */
  readonly store: KnowledgeStore;
  /** Retrieval as configured: BM25, dense with an embedding model, fusion, reranking, the relevance threshold. */
  readonly retriever: HybridRetriever;
  /** The chat model, or undefined when answers are extractive. */
  readonly chatModel: ChatModel | undefined;
  /** The embedding model, or undefined when retrieval is BM25 only. */
  readonly embeddingModel: EmbeddingModel | undefined;
  /** The reranker, or undefined when results are not reranked. */
  readonly reranker: Reranker | undefined;
}

/** Options for {@link Andes.ingestPaths}. */
export interface IngestPathsOptions extends CollectIngestFilesOptions {
  /** Called after each file. Default: none. */
  onProgress?: (progress: IngestProgress) => void;
  /** Stops ingestion between files. Default: none. */
  signal?: AbortSignal;
  /** Target words per chunk, recorded with the collection. Default: the collection's recorded size, else 200. */
  chunkSize?: number;
}

/**
 * Andes opened as a library by `openAndes`: every {@link AndesService} method (ingest bytes or files, search, ask,
 * chat, embed, assistants, conversations), ingestion of whole folders, and the {@link AndesComponents} for
 * adapters. Free it with `dispose()` or `await using`.
 */
export class Andes extends AndesRuntime {
  /** The store, retriever and models this instance uses; see {@link AndesComponents}. */
  readonly components: AndesComponents;

  /** Use `openAndes`, which opens the parts; this composes already opened ones. */
  constructor(parts: AndesRuntimeParts, retriever: HybridRetriever) {
    super(parts);
    this.components = {
      store: parts.store,
      retriever,
      chatModel: parts.models.chatModel,
      embeddingModel: parts.models.embeddingModel,
      reranker: parts.models.reranker,
    };
  }

  /**
   * Ingests files and folders (recursively: every supported file, hidden ones skipped) into a collection, creating it
   * on first use. Each document's source is its path relative to `options.relativeTo` (default: the working folder).
   *
   * @throws AndesError `invalid_request` for a path that does not exist or when nothing is found to ingest.
   */
  async ingestPaths(
    collection: string,
    paths: readonly string[],
    options: IngestPathsOptions = {},
  ): Promise<IngestReport> {
    const { extensions, relativeTo, ...ingestOptions } = options;
    const inputs = await collectIngestFiles(paths, {
      ...(extensions ? { extensions } : {}),
      ...(relativeTo === undefined ? {} : { relativeTo }),
    });
    return this.ingest(collection, inputs, ingestOptions);
  }

  /** Closes models, parsers and store, like `close()`. Calling it again does nothing. */
  dispose(): Promise<void> {
    return this.close();
  }

  /** Same as {@link Andes.dispose}, for `await using andes = await openAndes(...)`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
