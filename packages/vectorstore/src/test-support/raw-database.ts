import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * A second, raw connection to a store's `andes.db`, for tests that damage or inspect records behind the store's
 * back (as a bug or a crash could). Close it when done.
 */
export function openRawDatabase(dataDir: string): Database.Database {
  const database = new Database(path.join(dataDir, 'andes.db'));
  database.pragma('busy_timeout = 5000');
  return database;
}
