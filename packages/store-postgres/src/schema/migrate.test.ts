import { describe, expect, it } from 'vitest';
import { AndesError } from '@andes-rag/core';
import { connectPostgres } from '../connection/pg-pool-connection.js';
import { PostgresKnowledgeStore } from '../store/postgres-knowledge-store.js';
import { realPostgresAvailable, useRealPostgresServer } from '../test-support/real-postgres.js';
import { migrateSchema } from './migrate.js';
import { migrations } from './migrations.js';

describe.runIf(realPostgresAvailable)('schema migrations on a real PostgreSQL 15 server', () => {
  const { server } = useRealPostgresServer();

  it('lets replicas that start at once migrate once: one applies, the others wait and find nothing to do', async () => {
    const connections = Array.from({ length: 4 }, () => connectPostgres(server().url, { maxConnections: 2 }));
    try {
      const outcomes = await Promise.all(
        connections.map((connection) => migrateSchema(connection, { installPgvector: true })),
      );
      const applied = outcomes.map((outcome) => outcome.applied).filter((versions) => versions.length > 0);
      expect(applied).toEqual([migrations.map((migration) => migration.version)]);
      const { rows } = await connections[0]!.query<{ version: number }>(
        'SELECT version FROM andes_schema_migrations ORDER BY version',
      );
      expect(rows.map((row) => row.version)).toEqual(migrations.map((migration) => migration.version));
      const { rows: extension } = await connections[0]!.query(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'vector'",
      );
      // The capability check: pgvector is used exactly where the server offers it (Debian's PostgreSQL 15 does not).
      expect(outcomes.every((outcome) => outcome.pgvector === extension.length > 0)).toBe(true);
    } finally {
      await Promise.all(connections.map((connection) => connection.close()));
    }
  });

  it('refuses a database migrated by newer code with store_foreign, and an unreachable one with storage_error', async () => {
    const admin = connectPostgres(server().url, { maxConnections: 1 });
    try {
      await migrateSchema(admin, { installPgvector: false });
      await admin.query("INSERT INTO andes_schema_migrations VALUES (999, 'from the future', 'now')");
      const refused = await PostgresKnowledgeStore.open({ connection: connectPostgres(server().url) }).catch(
        (error: unknown) => error,
      );
      expect(AndesError.isInstance(refused) && refused.code).toBe('store_foreign');
      await admin.query('DELETE FROM andes_schema_migrations WHERE version = 999');
    } finally {
      await admin.close();
    }
    const unreachable = await PostgresKnowledgeStore.open({
      connection: connectPostgres('postgres://postgres@127.0.0.1:1/postgres'),
    }).catch((error: unknown) => error);
    expect(AndesError.isInstance(unreachable) && unreachable.code).toBe('storage_error');
  });
});
