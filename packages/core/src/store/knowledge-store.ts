import type { Chunk, ChunkDraft, ChunkFilter } from '../chunks.js';
import type { DocumentRecord, SourceDocument } from '../documents.js';
import type { ScoredChunkId } from '../hits.js';

/** A named set of documents searched together. */
export interface CollectionInfo {
  name: string;
  /** Dimensions of the stored embeddings, or undefined while the collection has none. */
  embeddingDimensions: number | undefined;
  /** Id of the embedding model the stored vectors came from. */
  embeddingModel: string | undefined;
  documentCount: number;
  chunkCount: number;
  /** ISO-8601 creation time. */
  createdAt: string;
  /**
   * Target chunk size in words the collection's documents are chunked with, recorded at ingestion. Undefined for a
   * collection made before sizes were recorded (its documents were chunked at the default of that time).
   */
  chunkSize?: number;
}

/** Settings recorded with a collection. */
export interface CollectionSettings {
  /**
   * Target chunk size in words. Recorded when the collection is created or holds no documents; a collection with
   * documents and another recorded size is refused with `conflict` (its documents would need chunking again).
   * Default: leave the recorded size as it is.
   */
  chunkSize?: number;
}

/** What to store for one document: the document, its chunks and (optionally) one embedding per chunk. */
export interface DocumentWrite {
  collection: string;
  document: SourceDocument;
  chunks: ChunkDraft[];
  /** One vector per chunk, same order, when an embedding model is configured. */
  embeddings?: Float32Array[];
  /** Id of the embedding model that made `embeddings`. */
  embeddingModel?: string;
}

/** What {@link KnowledgeStore.putDocument} did. */
export interface DocumentWriteResult {
  document: DocumentRecord;
  /**
   * `unchanged`: same source, content hash, tags and access list were already stored; nothing was written. Same
   * content with other tags or access list is `updated` (only those replaced; chunks and vectors stay).
   */
  status: 'created' | 'updated' | 'unchanged';
}

/** Options for a search in one collection. */
export interface StoreSearchOptions {
  /** How many results at most. */
  k: number;
  /** Applied inside the search, before ranking. */
  filter?: ChunkFilter;
}

/**
 * The source of truth for collections, documents and chunks, and the indexes over them.
 *
 * The embedded SQLite + hnswlib store implements it; a PostgreSQL + pgvector store can too. Every implementation
 * must pass the conformance suite in `@andes-rag/store-conformance` (`describeKnowledgeStoreConformance`).
 */
export interface KnowledgeStore {
  /**
   * Creates the collection if it does not exist; returns it either way. `settings` are recorded (see
   * {@link CollectionSettings}); `invalid_request` for a chunk size that is not a positive integer.
   */
  ensureCollection(name: string, settings?: CollectionSettings): Promise<CollectionInfo>;
  /** The collection, or undefined. */
  getCollection(name: string): Promise<CollectionInfo | undefined>;
  listCollections(): Promise<CollectionInfo[]>;
  /** Deletes a collection with everything in it. Returns false when there was none. */
  deleteCollection(name: string): Promise<boolean>;
  /**
   * Renames a collection, keeping its documents, chunks and indexes, and renames it wherever the store's other
   * records name it (API key scopes, assistant definitions, conversations) in the same transaction. Throws
   * `collection_not_found` for an unknown `name`, `conflict` when `newName` is taken, `invalid_request` for a bad
   * name. Optional: a store without it cannot rename (the service answers `invalid_request`).
   */
  renameCollection?(name: string, newName: string): Promise<CollectionInfo>;

  /**
   * Stores a document and its chunks atomically. A document is identified by (collection, source); storing the same
   * source again with the same content hash writes nothing unless its tags or access list differ (then only those
   * are replaced); with a new hash it replaces the old chunks in one transaction. Creates the collection when
   * missing.
   */
  putDocument(write: DocumentWrite): Promise<DocumentWriteResult>;
  /**
   * Stores several writes with one durable commit (group commit), each as {@link putDocument} would, in order: all
   * of them or, on any error, none; resolves only once the commit is durable. Optional: without it, callers put the
   * documents one by one.
   */
  putDocuments?(writes: DocumentWrite[]): Promise<DocumentWriteResult[]>;
  getDocument(collection: string, documentId: string): Promise<DocumentRecord | undefined>;
  findDocumentBySource(collection: string, source: string): Promise<DocumentRecord | undefined>;
  listDocuments(collection: string): Promise<DocumentRecord[]>;
  /** Removes a document from every index. Returns false when there was none. */
  deleteDocument(collection: string, documentId: string): Promise<boolean>;

  /** The chunks with these ids, in the order asked, skipping unknown ids. */
  getChunks(collection: string, chunkIds: string[]): Promise<Chunk[]>;
  /**
   * Every chunk of one document, in order (by `index`); empty for an unknown document. Optional: a store without it
   * cannot serve a document's text.
   */
  listDocumentChunks?(collection: string, documentId: string): Promise<Chunk[]>;

  /** BM25 search over chunk text, title and heading path. Best first. */
  searchLexical(collection: string, query: string, options: StoreSearchOptions): Promise<ScoredChunkId[]>;
  /** Nearest chunks by cosine similarity to `vector`. Best first. Empty when the collection has no vectors. */
  searchVector(collection: string, vector: Float32Array, options: StoreSearchOptions): Promise<ScoredChunkId[]>;

  /** Flushes indexes to disk and closes the store. */
  close(): Promise<void>;
}
