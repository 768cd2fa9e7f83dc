import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { pgliteConnection } from '../connection/pglite-connection.js';
import { PostgresKnowledgeStore } from '../store/postgres-knowledge-store.js';
import type { PostgresKnowledgeStoreOptions } from '../store/store-options.js';
import { resetDatabase } from './reset-database.js';

let shared: Promise<PGlite> | undefined;

/** One in-memory PGlite with pgvector per test file (it takes seconds to start), created on first use. */
export function sharedPglite(): Promise<PGlite> {
  shared ??= PGlite.create({ extensions: { vector } });
  return shared;
}

/** Opens a store on the shared PGlite; `cleanup` closes it and drops its tables. */
export async function openPgliteStore(
  options: Omit<PostgresKnowledgeStoreOptions, 'connection'> = {},
): Promise<{ store: PostgresKnowledgeStore; database: PGlite; cleanup: () => Promise<void> }> {
  const database = await sharedPglite();
  const store = await PostgresKnowledgeStore.open({
    ...options,
    connection: pgliteConnection(database, { closeDatabase: false }),
  });
  return {
    store,
    database,
    cleanup: async () => {
      await store.close();
      await resetDatabase(database);
    },
  };
}
