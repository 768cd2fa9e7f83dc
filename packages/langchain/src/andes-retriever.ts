import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import type { Document } from '@langchain/core/documents';
import type { ChunkFilter, Hit } from '@andes-rag/core';
import { toLangChainDocument, type AndesDocumentMetadata } from './hit-to-document.js';

/** Anything that searches a collection the way `HybridRetriever` from `@andes-rag/retrieval` does. */
export interface CollectionSearcher {
  search(collection: string, query: string, options: { k: number; filter?: ChunkFilter }): Promise<Hit[]>;
}

/** Options for {@link AndesRetriever}. */
export interface AndesRetrieverOptions extends BaseRetrieverInput {
  /** The Andes retriever (BM25, dense and fusion as configured). */
  retriever: CollectionSearcher;
  /** Collection to search. */
  collection: string;
  /** Documents per query. Default 4, as LangChain's own retrievers. */
  k?: number;
  /** Applied inside retrieval, before ranking. */
  filter?: ChunkFilter;
}

/**
 * LangChain `BaseRetriever` over Andes's hybrid retrieval, so a user's own chain (LCEL, agents) gets Andes's BM25 +
 * dense + fusion ranking. Each document's metadata carries source, chunk id, heading path and offsets.
 */
export class AndesRetriever extends BaseRetriever<AndesDocumentMetadata> {
  lc_namespace = ['andes', 'retrievers'];
  private readonly options: AndesRetrieverOptions;

  constructor(options: AndesRetrieverOptions) {
    super(options);
    this.options = options;
  }

  override async _getRelevantDocuments(query: string): Promise<Document<AndesDocumentMetadata>[]> {
    const { retriever, collection, k = 4, filter } = this.options;
    const hits = await retriever.search(collection, query, { k, ...(filter ? { filter } : {}) });
    return hits.map((hit) => toLangChainDocument(hit, hit.score));
  }
}
