import { AndesError } from '@andes-rag/core';
import type { PostgresConnection, SqlQueryable } from '../connection/postgres-connection.js';
import { migrations } from './migrations.js';

/** The advisory lock every Andes replica takes to migrate: `hashtext('andes schema migrations')`, fixed. */
export const migrationLockKey = 0x616e6465;

/** What {@link migrateSchema} found and did. */
export interface MigrationOutcome {
  /** Versions applied by this call, in order (empty when another replica had already applied them). */
  applied: number[];
  /** True when the pgvector extension is installed in the database after the call. */
  pgvector: boolean;
}

/**
 * Brings the database to the latest schema in one transaction, holding `pg_advisory_xact_lock`: when several
 * replicas start at once, one migrates and the others wait, then find nothing left to do. With `installPgvector`,
 * the `vector` extension is created when the server offers it (`pg_available_extensions`) and the role may; a
 * refusal is not an error (vector search then scans exactly). Refuses a database migrated by newer code.
 */
export async function migrateSchema(
  connection: PostgresConnection,
  options: { installPgvector: boolean },
): Promise<MigrationOutcome> {
  return connection.transaction(async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey]);
    await client.query(`CREATE TABLE IF NOT EXISTS andes_schema_migrations (
      version integer PRIMARY KEY,
      description text NOT NULL,
      applied_at text NOT NULL
    )`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM andes_schema_migrations');
    const done = new Set(rows.map((row) => Number(row.version)));
    const newest = Math.max(0, ...done);
    const latest = Math.max(...migrations.map((migration) => migration.version));
    if (newest > latest) {
      throw new AndesError(
        'store_foreign',
        `The database schema is version ${newest}, newer than this Andes (${latest}); upgrade Andes to use it.`,
        { details: { schemaVersion: newest, supported: latest } },
      );
    }
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.statements) await client.query(statement);
      await client.query('INSERT INTO andes_schema_migrations (version, description, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.description,
        new Date().toISOString(),
      ]);
      applied.push(migration.version);
    }
    const pgvector = options.installPgvector ? await installPgvector(client) : await hasPgvector(client);
    return { applied, pgvector };
  });
}

/** True when the `vector` extension is installed in this database. */
export async function hasPgvector(client: SqlQueryable): Promise<boolean> {
  const { rows } = await client.query("SELECT 1 FROM pg_extension WHERE extname = 'vector'");
  return rows.length > 0;
}

/** Creates the `vector` extension when available and allowed, inside a savepoint so a refusal keeps the transaction. */
async function installPgvector(client: SqlQueryable): Promise<boolean> {
  if (await hasPgvector(client)) return true;
  const { rows } = await client.query("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'");
  if (rows.length === 0) return false;
  await client.query('SAVEPOINT andes_vector_extension');
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS vector');
    await client.query('RELEASE SAVEPOINT andes_vector_extension');
    return true;
  } catch {
    await client.query('ROLLBACK TO SAVEPOINT andes_vector_extension');
    return false;
  }
}
