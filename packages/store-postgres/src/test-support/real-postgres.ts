import { afterAll, beforeAll } from 'vitest';
import { connectPostgres } from '../connection/pg-pool-connection.js';
import { PostgresKnowledgeStore } from '../store/postgres-knowledge-store.js';
import {
  postgresServerInstalled,
  startTemporaryPostgresServer,
  type TemporaryPostgresServer,
} from '../testing/temporary-postgres-server.js';
import { resetDatabase } from './reset-database.js';

/**
 * Whether this run has a real PostgreSQL server to test against. Under `CI=true` it must: the tests then fail
 * (`startTemporaryPostgresServer` throws) instead of skipping. Elsewhere they skip, saying why.
 */
export const realPostgresAvailable = postgresServerInstalled() || process.env.CI === 'true';
if (!realPostgresAvailable) {
  console.warn('Skipping real PostgreSQL tests: /usr/lib/postgresql/15/bin is missing (apt-get install postgresql-15)');
}

/** Starts one server for the calling test file and stops it after; `server()` is the running one. */
export function useRealPostgresServer(): { server: () => TemporaryPostgresServer } {
  let running: TemporaryPostgresServer | undefined;
  beforeAll(async () => {
    running = await startTemporaryPostgresServer();
  });
  afterAll(async () => {
    await running?.stop();
  });
  return {
    server: () => {
      if (!running) throw new Error('The PostgreSQL server only runs inside the tests');
      return running;
    },
  };
}

/** Opens a store on the server; `cleanup` closes it and empties the tables. */
export async function openRealPostgresStore(
  server: TemporaryPostgresServer,
): Promise<{ store: PostgresKnowledgeStore; cleanup: () => Promise<void> }> {
  const store = await PostgresKnowledgeStore.open({ connection: connectPostgres(server.url, { maxConnections: 4 }) });
  return {
    store,
    cleanup: async () => {
      await store.close();
      const admin = connectPostgres(server.url, { maxConnections: 1 });
      try {
        await resetDatabase(admin);
      } finally {
        await admin.close();
      }
    },
  };
}
