import type { IndexRebuildReport, IntegrityReport, KnowledgeStore, KnowledgeStoreMaintenance } from '@andes-rag/core';

/** A store whose indexes can be rebuilt and verified, and whose chunks can be (re-)embedded. */
export type MaintainedStore = KnowledgeStore & KnowledgeStoreMaintenance;

/** Progress of a reindex, reported after each batch of chunks embedded. */
export interface ReindexProgress {
  collection: string;
  /** Chunks of this collection embedded so far by this reindex. */
  embedded: number;
  /** Chunks of this collection this reindex has to embed. */
  total: number;
}

/** Options of a reindex (`andes reindex`). */
export interface ReindexOptions {
  /** Only this collection. Default: every collection. */
  collection?: string;
  /** Called after each batch of chunks is embedded and stored. */
  onProgress?: (progress: ReindexProgress) => void;
  /** Stops between batches (AndesError `aborted`); batches already stored stay, and the next reindex goes on. */
  signal?: AbortSignal;
}

/** What a reindex did to one collection. */
export interface CollectionReindexReport extends IndexRebuildReport {
  /** The configured embedding model, or undefined when none is (vectors are then only re-indexed). */
  embeddingModel: string | undefined;
  /** The model whose vectors were dropped because they came from another model than the configured one. */
  replacedVectorsFrom: string | undefined;
  /** Chunks embedded by this reindex. */
  embedded: number;
}

/** What a reindex did: each collection, then an integrity check of the whole store. */
export interface ReindexReport {
  collections: CollectionReindexReport[];
  integrity: IntegrityReport;
}
