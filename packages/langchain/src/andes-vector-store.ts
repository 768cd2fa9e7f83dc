import { createHash } from 'node:crypto';
import { Document, type DocumentInterface } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { maximalMarginalRelevance } from '@langchain/core/utils/math';
import { VectorStore, type MaxMarginalRelevanceSearchOptions } from '@langchain/core/vectorstores';
import { AndesError, type ChunkFilter, type KnowledgeStore } from '@andes-rag/core';
import { filterTagSets, metadataTags, readMetadataTags, type MetadataFilter } from './metadata-tags.js';

/** Options for {@link AndesVectorStore}. */
export interface AndesVectorStoreOptions {
  /** The Andes store (SQLite + hnswlib, or any other `KnowledgeStore`), e.g. `andes.components.store`. */
  store: KnowledgeStore;
  /** Collection the LangChain documents go into. */
  collection: string;
}

/** Andes's source of the document that holds the LangChain document with this id. */
function sourceOf(id: string): string {
  return `langchain:${id}`;
}

/** An id for a document given without one: a hash of its text and metadata, so adding it twice stores it once. */
function contentId(document: DocumentInterface): string {
  return createHash('sha256')
    .update(JSON.stringify([document.pageContent, document.metadata]))
    .digest('hex')
    .slice(0, 32);
}

/**
 * LangChain `VectorStore` over an Andes {@link KnowledgeStore}. Each LangChain document is one Andes document with
 * one chunk, identified by its `id` (given in the document or in `addDocuments`' `ids`, else a hash of its text and
 * metadata): adding a document with an id already stored replaces it. Its metadata is kept as it was given, in the
 * Andes document's tags (`langchain:…`; scalar entries also one tag each, which filters match), and comes back
 * unchanged on every result, with the document's `id`.
 *
 * Filters are {@link MetadataFilter}s (equality, `$eq`, `$in`; several keys AND), applied inside the store's search
 * as a tag or document-id condition, never by trimming the top k afterwards.
 */
export class AndesVectorStore extends VectorStore {
  declare FilterType: MetadataFilter;
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

  /** Embeds and stores the documents; returns their ids (`options.ids`, else each document's `id` or content hash). */
  override async addDocuments(documents: DocumentInterface[], options?: { ids?: string[] }): Promise<string[]> {
    const vectors = await this.embeddings.embedDocuments(documents.map((document) => document.pageContent));
    return this.addVectors(vectors, documents, options);
  }

  override async addVectors(
    vectors: number[][],
    documents: DocumentInterface[],
    options?: { ids?: string[] },
  ): Promise<string[]> {
    if (vectors.length !== documents.length || (options?.ids && options.ids.length !== documents.length)) {
      throw new AndesError(
        'invalid_request',
        `Got ${vectors.length} vectors and ${options?.ids?.length ?? 'no'} ids for ${documents.length} documents`,
      );
    }
    await this.store.ensureCollection(this.collection);
    const ids: string[] = [];
    for (const [position, document] of documents.entries()) {
      const id = options?.ids?.[position] ?? document.id ?? contentId(document);
      const text = document.pageContent;
      const title = typeof document.metadata['title'] === 'string' ? document.metadata['title'] : id;
      await this.store.putDocument({
        collection: this.collection,
        document: {
          source: sourceOf(id),
          title,
          mediaType: 'text/plain',
          text,
          contentHash: createHash('sha256')
            .update(JSON.stringify([text, document.metadata]))
            .digest('hex'),
          tags: metadataTags(id, document.metadata),
        },
        chunks: [{ index: 0, text, headingPath: [], startOffset: 0, endOffset: text.length }],
        embeddings: [Float32Array.from(vectors[position] ?? [])],
      });
      ids.push(id);
    }
    return ids;
  }

  override async similaritySearchVectorWithScore(
    query: number[],
    k: number,
    filter?: MetadataFilter,
  ): Promise<[DocumentInterface, number][]> {
    const chunkFilter = await this.chunkFilterOf(filter);
    if (chunkFilter === 'none') return [];
    const scored = await this.store.searchVector(this.collection, Float32Array.from(query), {
      k,
      ...(chunkFilter === undefined ? {} : { filter: chunkFilter }),
    });
    const chunks = new Map(
      (
        await this.store.getChunks(
          this.collection,
          scored.map((item) => item.chunkId),
        )
      ).map((chunk) => [chunk.id, chunk]),
    );
    const results: [DocumentInterface, number][] = [];
    for (const item of scored) {
      const chunk = chunks.get(item.chunkId);
      if (chunk === undefined) continue;
      const record = await this.store.getDocument(this.collection, chunk.documentId);
      const stored = readMetadataTags(record?.tags);
      results.push([
        new Document({ pageContent: chunk.text, metadata: stored?.metadata ?? {}, id: stored?.id ?? chunk.documentId }),
        item.score,
      ]);
    }
    return results;
  }

  /**
   * The `k` documents among the `fetchK` most similar that best trade similarity to the query against difference
   * from each other (`lambda` 1: similarity only, 0: diversity only; default 0.5). The candidates are embedded
   * again, as the store does not return vectors.
   */
  override async maxMarginalRelevanceSearch(
    query: string,
    options: MaxMarginalRelevanceSearchOptions<this['FilterType']>,
  ): Promise<DocumentInterface[]> {
    const queryVector = await this.embeddings.embedQuery(query);
    const candidates = await this.similaritySearchVectorWithScore(
      queryVector,
      options.fetchK ?? 20,
      options.filter as MetadataFilter | undefined,
    );
    const vectors = await this.embeddings.embedDocuments(candidates.map(([document]) => document.pageContent));
    const chosen = maximalMarginalRelevance(queryVector, vectors, options.lambda ?? 0.5, options.k);
    return chosen.map((index) => candidates[index]![0]);
  }

  /** Deletes the documents with these ids. Only `{ ids }` is supported; anything else throws `invalid_request`. */
  override async delete(params?: { ids?: string[] } & Record<string, unknown>): Promise<void> {
    const { ids, ...rest } = params ?? {};
    if (ids === undefined || Object.keys(rest).length > 0) {
      throw new AndesError('invalid_request', 'AndesVectorStore.delete takes only { ids: string[] }.');
    }
    for (const id of ids) {
      const record = await this.store.findDocumentBySource(this.collection, sourceOf(id));
      if (record !== undefined) await this.store.deleteDocument(this.collection, record.id);
    }
  }

  /**
   * The Andes filter for a metadata filter: one key becomes a tag condition; several become the ids of the
   * documents that match them all (from the collection's document list). `none` when no document can match.
   */
  private async chunkFilterOf(filter: MetadataFilter | undefined): Promise<ChunkFilter | undefined | 'none'> {
    if (filter === undefined || Object.keys(filter).length === 0) return undefined;
    const tagSets = filterTagSets(filter);
    if (tagSets.length === 1) return { tags: tagSets[0]! };
    const documents = await this.store.listDocuments(this.collection);
    const documentIds = documents
      .filter((document) => tagSets.every((tags) => tags.some((tag) => document.tags?.includes(tag))))
      .map((document) => document.id);
    return documentIds.length === 0 ? 'none' : { documentIds };
  }

  /** A store holding `texts`, each with the metadata at its position (or the one object for all). */
  static override async fromTexts(
    texts: string[],
    metadatas: object[] | object,
    embeddings: EmbeddingsInterface,
    options: AndesVectorStoreOptions,
  ): Promise<AndesVectorStore> {
    const documents = texts.map(
      (text, index) =>
        new Document({
          pageContent: text,
          metadata: (Array.isArray(metadatas) ? metadatas[index] : metadatas) ?? {},
        }),
    );
    return AndesVectorStore.fromDocuments(documents, embeddings, options);
  }

  /** A store holding `documents`. */
  static override async fromDocuments(
    documents: DocumentInterface[],
    embeddings: EmbeddingsInterface,
    options: AndesVectorStoreOptions,
  ): Promise<AndesVectorStore> {
    const store = new AndesVectorStore(embeddings, options);
    await store.addDocuments(documents);
    return store;
  }
}
