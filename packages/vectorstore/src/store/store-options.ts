import type { Logger } from '@andes-rag/core';
import type { HnswOptions } from '../vector/hnsw-options.js';

/** Options for {@link SqliteKnowledgeStore.open}. */
export interface SqliteKnowledgeStoreOptions {
  /** Folder for `andes.db` and `indexes/`; created when missing. */
  dataDir: string;
  /** Receives index rebuilds and save failures. Default: `noopLogger`. */
  logger?: Logger;
  /** hnswlib settings, used for every collection. Defaults: `m` 16, `efConstruction` 200, `efSearch` 100. */
  hnsw?: HnswOptions;
  /**
   * Milliseconds from a collection's first unsaved vector change to writing its index file. Between saves a crash
   * loses nothing (SQLite holds every vector; the index is rebuilt on open), only rebuild time. Default 2000.
   */
  indexSaveDelayMs?: number;
  /**
   * A filtered vector search whose filter allows at most this many chunks scores them exactly instead of walking
   * the hnswlib graph: exact results, and faster than a graph walk that must skip nearly every node. 0 always uses
   * the graph. Default 1000.
   */
  exactSearchLimit?: number;
  /**
   * How many filters' allowed vector labels (a caller's principals, tags...) are kept between searches while the
   * database is unchanged (see `vector/allowed-labels-cache.ts`); 0 selects them in SQL on every search. Default 32.
   */
  allowedLabelCacheSize?: number;
  /**
   * Deleting a document only marks its vectors deleted in hnswlib (replacements reuse those slots). When more than
   * this fraction of an index's slots are deleted, the next save rebuilds the index from SQLite without them: the
   * file shrinks and searches stop walking dead nodes. From 0 (exclusive) to 1 (never compact). Default 0.25.
   */
  vectorCompactionThreshold?: number;
  /**
   * Open without changing anything on disk: a missing database reads as an empty store (nothing is created), stale
   * vector indexes are rebuilt in memory only, and no stray file is removed. For commands that only read
   * (`andes search`, `ask`, `documents`, `eval`). Writing through a read-only store still works (SQLite is opened
   * normally) but index files are never saved. The one rewrite it still makes is the schema upgrade of a database
   * written by an older Andes (once, in one transaction). Default false.
   */
  readOnly?: boolean;
  /**
   * How much to check on open: `structure` (default; header, schema, lost write-ahead log, lost commits, and SQLite's
   * `quick_check` of the small tables: milliseconds) or `full` (SQLite's `quick_check` of every page: seconds per
   * 100k chunks, see `database/open-database.ts`).
   */
  check?: 'structure' | 'full';
  /**
   * Open even when index files record commits the database lacks (see `store/lost-commits.ts`), instead of refusing
   * with `store_corrupt`. For `andes doctor --repair`, which reports the loss first. Default false.
   */
  acceptLostCommits?: boolean;
}
