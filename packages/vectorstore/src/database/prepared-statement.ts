import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** `database.prepare(sql)`, compiled once per database and reused. */
export function prepared(database: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(database);
  if (!cache) {
    cache = new Map();
    caches.set(database, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = database.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** Forgets the statements that name a dropped table (SQLite would reject them anyway). */
export function forgetStatements(database: Database.Database, tableName: string): void {
  const cache = caches.get(database);
  if (!cache) return;
  const naming = new RegExp(`\\b${tableName}\\b`);
  for (const sql of cache.keys()) if (naming.test(sql)) cache.delete(sql);
}
