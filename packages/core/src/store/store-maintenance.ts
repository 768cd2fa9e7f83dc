/** What {@link KnowledgeStoreMaintenance.rebuildIndexes} rebuilt for one collection. */
export interface IndexRebuildReport {
  collection: string;
  documents: number;
  /** Chunks put back into the lexical index. */
  chunks: number;
  /** Vectors put back into the vector index. */
  vectors: number;
}

/** A stored chunk that has no embedding yet: what an embedding model needs to embed it. */
export interface ChunkToEmbed {
  chunkId: string;
  /** The owning document's title. */
  title: string;
  headingPath: string[];
  text: string;
}

/** One page of chunks without embeddings. */
export interface ChunksToEmbed {
  /** At most the number asked for, in storage order. */
  chunks: ChunkToEmbed[];
  /** How many chunks of the collection have no embedding, these included. */
  remaining: number;
}

/** An embedding for a stored chunk. */
export interface ChunkEmbedding {
  chunkId: string;
  vector: Float32Array;
}

/** The embedding model a collection's vectors come from. */
export interface StoredEmbeddingModel {
  /** The model's id, as `EmbeddingModel.id`. */
  id: string;
  dimensions: number;
}

/** One inconsistency {@link KnowledgeStoreMaintenance.verifyIntegrity} found. */
export interface IntegrityProblem {
  /** The collection it is in; undefined for the database as a whole. */
  collection: string | undefined;
  /** Which check failed, e.g. `chunk-without-document`, `vector-without-chunk`, `lexical-row-without-chunk`. */
  check: string;
  /** How many records are affected. */
  count: number;
  /** For people: what is wrong, and how to fix it (often `andes reindex`). */
  message: string;
}

/** What one collection holds, as counted by an integrity check. */
export interface CollectionIntegrity {
  collection: string;
  documents: number;
  chunks: number;
  /** Chunks that have an embedding. */
  embeddedChunks: number;
  /** Live (not deleted) vectors in the vector index. */
  indexedVectors: number;
  /** Chunks in the lexical index. */
  lexicalRows: number;
}

/** The result of {@link KnowledgeStoreMaintenance.verifyIntegrity}. */
export interface IntegrityReport {
  /** True when no problem was found. */
  ok: boolean;
  problems: IntegrityProblem[];
  collections: CollectionIntegrity[];
}

/** What {@link KnowledgeStoreMaintenance.dropMalformedEmbeddings} removed from one collection. */
export interface MalformedEmbeddingReport {
  collection: string;
  /** Chunks whose stored vector had the wrong size and now have none (BM25 still finds them). */
  chunks: number;
  /** Sources of the documents those chunks belong to, sorted. */
  sources: string[];
}

/** Whether a store can serve: damage met while serving (a page that fails to read) makes it unhealthy. */
export type StoreHealth = { ok: true } | { ok: false; code: 'store_corrupt' | 'store_foreign'; message: string };

/**
 * What a store offers beyond {@link KnowledgeStore} to keep its indexes honest: rebuild them from the source of
 * truth, verify that nothing points at a missing record, and (re-)embed chunks stored without vectors or with
 * vectors from another model.
 */
export interface KnowledgeStoreMaintenance {
  /**
   * Rebuilds the lexical and vector indexes of one collection (all when `collection` is undefined) from the stored
   * chunks and embeddings. Throws `collection_not_found` for an unknown name.
   */
  rebuildIndexes(collection?: string): Promise<IndexRebuildReport[]>;
  /**
   * Checks every collection: no chunk, lexical row or vector without its record, and the reverse. Changes no
   * record.
   */
  verifyIntegrity(): Promise<IntegrityReport>;
  /**
   * Drops every embedding of the collection, in one transaction, and records that vectors from `model` will fill
   * it. Use before re-embedding a collection whose vectors came from another model.
   */
  resetEmbeddings(collection: string, model: StoredEmbeddingModel): Promise<void>;
  /** The first `limit` chunks of the collection that have no embedding, and how many there are in all. */
  chunksWithoutEmbeddings(collection: string, limit: number): Promise<ChunksToEmbed>;
  /**
   * Stores embeddings for chunks that have none, in one transaction, and adds them to the vector index. Chunks
   * that are gone or already embedded are skipped. Returns how many were stored. Throws `invalid_request` when the
   * vectors do not fit the collection's dimensions or model.
   */
  setEmbeddings(collection: string, embeddings: ChunkEmbedding[], model: StoredEmbeddingModel): Promise<number>;
  /**
   * Unhealthy once an operation met damaged data (the first such error is kept), so readiness checks can say so.
   * Optional: a store that cannot tell is taken as healthy.
   */
  health?(): StoreHealth;
  /**
   * Removes stored vectors that cannot be used (the wrong size for the collection: damage), so that re-embedding
   * (`chunksWithoutEmbeddings`, `setEmbeddings`) fills them again. Optional: stores that cannot hold such vectors
   * need not offer it.
   */
  dropMalformedEmbeddings?(collection: string): Promise<MalformedEmbeddingReport>;
}
