import { createHash } from 'node:crypto';
import type { DocumentInterface } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { VectorStore } from '@langchain/core/vectorstores';
import { AndesError, type ChunkFilter, type KnowledgeStore } from '@andes-rag/core';
import { toLangChainDocument } from './hit-to-document.js';

/** Options for {@link AndesVectorStore}. */
export interface AndesVectorStoreOptions {
  /** The Andes store (SQLite + hnswlib, or any other `KnowledgeStore`). */
  store: KnowledgeStore;
  /** Collection the LangChain documents go into. */
  collection: string;
}

/**
 * LangChain `VectorStore` over an Andes {@link KnowledgeStore}. Each LangChain document is stored as one Andes
 * document with one chunk, identified by `metadata.source` (or `langchain`) plus a hash of its text, so adding the
 * same document twice stores it once. Filters are Andes `ChunkFilter`s, applied inside the search.
 */
export class AndesVectorStore extends VectorStore {
  declare FilterType: ChunkFilter;
  private readonly store: KnowledgeStore;
  private readonly collection: string;

  constructor(embeddings: EmbeddingsInterface, options: AndesVectorStoreOptions) {
    super(embeddings, options);
    this.store = options.store;
    this.collection = options.collection;
  }

  override _vectorstoreType(): string {
    return 'andes';
  }

  override async addDocuments(documents: DocumentInterface[]): Promise<string[]> {
    const vectors = await this.embeddings.embedDocuments(documents.map((document) => document.pageContent));
    return this.addVectors(vectors, documents);
  }

  override async addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<string[]> {
    if (vectors.length !== documents.length) {
      throw new AndesError('invalid_request', `Got ${vectors.length} vectors for ${documents.length} documents`);
    }
    const ids: string[] = [];
    for (const [position, document] of documents.entries()) {
      const text = document.pageContent;
      const contentHash = createHash('sha256').update(text).digest('hex');
      const origin = typeof document.metadata['source'] === 'string' ? document.metadata['source'] : 'langchain';
      const title = typeof document.metadata['title'] === 'string' ? document.metadata['title'] : origin;
      const result = await this.store.putDocument({
        collection: this.collection,
        document: {
          source: `${origin}#${contentHash.slice(0, 16)}`,
          title,
          mediaType: 'text/plain',
          text,
          contentHash,
        },
        chunks: [{ index: 0, text, headingPath: [], startOffset: 0, endOffset: text.length }],
        embeddings: [Float32Array.from(vectors[position] ?? [])],
      });
      ids.push(result.document.id);
    }
    return ids;
  }

  override async similaritySearchVectorWithScore(
    query: number[],
    k: number,
    filter?: ChunkFilter,
  ): Promise<[DocumentInterface, number][]> {
    const scored = await this.store.searchVector(this.collection, Float32Array.from(query), {
      k,
      ...(filter ? { filter } : {}),
    });
    const chunks = await this.store.getChunks(
      this.collection,
      scored.map((item) => item.chunkId),
    );
    const scores = new Map(scored.map((item) => [item.chunkId, item.score]));
    return chunks.map((chunk) => [toLangChainDocument(chunk), scores.get(chunk.id) ?? 0]);
  }

  /** Deletes the Andes documents with these ids (as `addDocuments` returned them). */
  override async delete(params?: { ids?: string[] }): Promise<void> {
    for (const id of params?.ids ?? []) await this.store.deleteDocument(this.collection, id);
  }
}
