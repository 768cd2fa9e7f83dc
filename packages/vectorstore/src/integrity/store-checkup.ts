import type { IntegrityReport, MalformedEmbeddingReport } from '@andes-rag/core';

/** One thing `andes doctor` found wrong. */
export interface CheckupProblem {
  /** A short name: an AndesError code (`store_corrupt`, `store_foreign`) or an integrity check (`embedding-size`). */
  check: string;
  message: string;
}

/** A document that is gone or incomplete after a repair: ingest it again. */
export interface LostDocument {
  collection: string;
  /** The document's source; undefined when no surviving record names it (only its id is known). */
  source: string | undefined;
  documentId: string;
  reason: string;
}

/** What `andes doctor` found, and with `--repair`, what it did. */
export interface StoreCheckup {
  /** True when nothing was wrong before any repair. */
  healthy: boolean;
  problems: CheckupProblem[];
  /** True when a repair ran and the store now passes the integrity check. */
  repaired: boolean;
  /** What the repair did, in order, for people. */
  actions: string[];
  /** Documents the repair could not keep: ingest them again. */
  lostDocuments: LostDocument[];
  /** Chunks whose stored vectors were malformed and were dropped (BM25 still finds them; re-embed with reindex). */
  droppedVectors: MalformedEmbeddingReport[];
  /**
   * Rows of the damaged database that could not be read at all (a table unreadable counts 1): documents among them
   * that no surviving record or index manifest names are lost without a name. 0 when nothing was salvaged.
   */
  unreadableRows: number;
  /** Damaged files the repair moved aside (kept, never deleted), relative to the data directory. */
  movedAside: string[];
  /** The integrity check after the repair, or of the store as found. */
  integrity: IntegrityReport | undefined;
}
