import Database from 'better-sqlite3';
import { AndesError } from '@andes/core';
import { schemaStatements, schemaUpgrades, schemaVersion } from './schema.js';

/**
 * Opens (creating if needed) the SQLite database at `file` and brings its schema up to date.
 *
 * WAL lets searches read while a write commits; `synchronous = FULL` fsyncs the WAL at every commit, so a document
 * acknowledged by `putDocument` survives a power loss, not only a process crash (NORMAL would only promise the
 * latter). The cost is one fsync per stored document, small next to chunking and embedding it.
 */
export function openDatabase(file: string): Database.Database {
  let database: Database.Database;
  try {
    database = new Database(file);
  } catch (error) {
    throw new AndesError('storage_error', `Cannot open the database ${file}: ${String(error)}`, { cause: error });
  }
  try {
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    migrate(database, file);
    return database;
  } catch (error) {
    database.close();
    if (AndesError.isInstance(error)) throw error;
    throw new AndesError('storage_error', `Cannot use the database ${file}: ${String(error)}`, { cause: error });
  }
}

function migrate(database: Database.Database, file: string): void {
  // Read the version inside the write lock, so two processes opening a new data directory at once create it once.
  database
    .transaction(() => {
      const version = database.pragma('user_version', { simple: true }) as number;
      if (version === schemaVersion) return;
      if (version > schemaVersion) {
        throw new AndesError(
          'storage_error',
          `The database ${file} has schema version ${version}; this Andes understands up to ${schemaVersion}`,
        );
      }
      if (version === 0) {
        for (const statement of schemaStatements) database.exec(statement);
      } else {
        for (let from = version; from < schemaVersion; from += 1) {
          for (const step of schemaUpgrades[from] ?? []) {
            if (typeof step === 'string') database.exec(step);
            else step(database);
          }
        }
      }
      database.pragma(`user_version = ${schemaVersion}`);
    })
    .immediate();
}
