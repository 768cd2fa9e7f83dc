import type { ChatModel, CollectionInfo, EmbeddingModel, KnowledgeStore, Logger, Reranker } from '@andes-rag/core';
import { HybridRetriever, type HybridRetrieverOptions, type ParserRegistry } from '@andes-rag/retrieval';
import { openRechunkedCopy, type RechunkedCopy, type RechunkedCopyOptions } from './rechunked-copy.js';

/**
 * How one retriever variant searches: any {@link HybridRetrieverOptions} except the parts the runtime supplies,
 * plus `dense` to leave the configured embedding model out. Unset options take HybridRetriever's defaults, not the
 * configuration's (no reranker unless passed).
 */
export type RetrieverVariantOptions = Omit<HybridRetrieverOptions, 'store' | 'embeddingModel' | 'logger'> & {
  /** Use the configured embedding model (dense retrieval). Default true; ignored when none is configured. */
  dense?: boolean;
};

/** What the evaluator (`andes eval`) reads of an open runtime: its store, models and retrievers built on them. */
export interface EvaluationAccess {
  /** The configured chat model (answers and judging), or undefined. */
  chatModel: ChatModel | undefined;
  /** The configured embedding model, or undefined (then no dense variant can run). */
  embeddingModel: EmbeddingModel | undefined;
  /** The configured cross-encoder, or undefined (then no reranked variant can run); pass it in `retrieverFor`. */
  reranker: Reranker | undefined;
  /** The collection, or undefined when it does not exist. */
  getCollection(name: string): Promise<CollectionInfo | undefined>;
  /** The sources of the collection's documents. */
  listSources(collection: string): Promise<string[]>;
  /** A retriever over the runtime's store with these options (nothing is loaded or written). */
  retrieverFor(options?: RetrieverVariantOptions): HybridRetriever;
  /**
   * Re-chunks a collection's documents at another size into a temporary store, re-reading each document's bytes
   * through `options.readSource`; the caller closes it.
   */
  openRechunkedCopy(
    options: Omit<RechunkedCopyOptions, 'embeddingModel' | 'parsers' | 'logger'>,
  ): Promise<RechunkedCopy>;
}

/** The parts of a runtime {@link createEvaluationAccess} reads. */
export interface EvaluationAccessParts {
  store: KnowledgeStore;
  chatModel: ChatModel | undefined;
  embeddingModel: EmbeddingModel | undefined;
  reranker: Reranker | undefined;
  parsers: ParserRegistry;
  logger: Logger;
}

/** Builds {@link EvaluationAccess} over a runtime's parts. */
export function createEvaluationAccess(parts: EvaluationAccessParts): EvaluationAccess {
  const { store, chatModel, embeddingModel, reranker, parsers, logger } = parts;
  return {
    chatModel,
    embeddingModel,
    reranker,
    getCollection: (name) => store.getCollection(name),
    listSources: async (collection) => (await store.listDocuments(collection)).map((document) => document.source),
    retrieverFor: (options = {}) => {
      const { dense = true, ...rest } = options;
      return new HybridRetriever({ ...rest, store, logger, ...(dense && embeddingModel ? { embeddingModel } : {}) });
    },
    openRechunkedCopy: (options) =>
      openRechunkedCopy({ ...options, parsers, logger, ...(embeddingModel ? { embeddingModel } : {}) }),
  };
}
