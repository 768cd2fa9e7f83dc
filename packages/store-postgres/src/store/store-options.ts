import type { Logger } from '@andes-rag/core';
import type { PostgresConnection } from '../connection/postgres-connection.js';

/** Options for `PostgresKnowledgeStore.open`. */
export interface PostgresKnowledgeStoreOptions {
  /** The database: `connectPostgres(url)` for a server, `pgliteConnection(db)` for PGlite. Closed with the store. */
  connection: PostgresConnection;
  /**
   * Vector search: `auto` (default) creates and uses pgvector when the server offers it (`CREATE EXTENSION vector`,
   * which needs the right to create extensions), otherwise scans exactly; `pgvector` requires it (`store_foreign`
   * error when missing); `exact` never uses it (an exact cosine scan over the stored `real[]` vectors).
   */
  vectorSearch?: 'auto' | 'pgvector' | 'exact';
  /** Receives what the store decided at open (pgvector or exact scan, migrations applied). Default: none. */
  logger?: Logger;
}
