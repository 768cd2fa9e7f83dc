import type Database from 'better-sqlite3';
import { AndesError } from '@andes-rag/core';
import { storeCorruptError } from './store-damage.js';

/** The tables every Andes database has had since its first schema: the source of truth. */
const coreTables = ['collections', 'documents', 'chunks'];

/** What {@link checkSchema} found: an Andes store, or an SQLite database with no tables at all (never written). */
export type SchemaState = 'andes' | 'empty';

/**
 * Checks that an open SQLite database is an Andes store: it has the core tables and a schema version, or it has no
 * table at all. Throws AndesError `store_foreign` for a database of another program (tables, none of Andes's) and
 * `store_corrupt` when only some of Andes's tables are left.
 */
export function checkSchema(database: Database.Database, name: string): SchemaState {
  const tables = new Set(
    database.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
  );
  const version = database.pragma('user_version', { simple: true }) as number;
  const present = coreTables.filter((table) => tables.has(table));
  if (tables.size === 0 && version === 0) return 'empty';
  if (present.length === coreTables.length && version > 0) return 'andes';
  if (present.length === 0 || version === 0) {
    throw new AndesError(
      'store_foreign',
      `${name} in the data directory is an SQLite database without Andes's tables; Andes will not change it. ` +
        'Point --data-dir at an Andes data directory, or move the file away to start a new store',
      { details: { file: name, tables: [...tables].slice(0, 20) } },
    );
  }
  const missing = coreTables.filter((table) => !tables.has(table));
  throw storeCorruptError(`The database ${name} has lost tables: ${missing.join(', ')}`, {
    details: { file: name, missingTables: missing },
  });
}
