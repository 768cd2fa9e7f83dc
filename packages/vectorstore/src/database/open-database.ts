import path from 'node:path';
import Database from 'better-sqlite3';
import { AndesError } from '@andes-rag/core';
import { createDatabaseFile } from './create-database-file.js';
import { checkDatabaseFile } from './database-file-check.js';
import { isDatabaseOpenHere, recordDatabaseOpenHere } from './databases-open-here.js';
import { initialiseSchema, migrateSchema } from './migrate-schema.js';
import { checkSchema } from './schema-check.js';
import { isDamageError, storeCorruptError } from './store-damage.js';
import { findLostWriteAheadLog } from './write-ahead-log-check.js';

/** How much of the database {@link openDatabase} checks before handing it out. */
export type OpenCheck = 'structure' | 'full';

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /**
   * Never create the file (a missing database opens as an empty in-memory one, so reads find no collection), and
   * never initialise an empty one. Default false.
   */
  readOnly?: boolean;
  /**
   * `structure` (default): the file header, the schema, a lost write-ahead log, and SQLite's `quick_check` of the
   * schema, `collections` and `documents` tables (milliseconds at any size). `full`: SQLite's `quick_check` of every
   * page, FTS5 tables included (measured at 100k chunks, a 457 MB file: 2.4 s with the file in the page cache, 54 s
   * from a cold disk on a loaded 2-core machine).
   */
  check?: OpenCheck;
}

/**
 * Opens the SQLite database at `file`, creating it only when it is missing, checks it (see
 * {@link OpenDatabaseOptions.check}) and brings its schema up to date.
 *
 * WAL lets searches read while a write commits; `synchronous = FULL` fsyncs the WAL at every commit, so a document
 * acknowledged by `putDocument` survives a power loss, not only a process crash (NORMAL would only promise the
 * latter). The cost is one fsync per stored document, small next to chunking and embedding it.
 *
 * @throws AndesError `store_corrupt` (empty, truncated or damaged file, lost write-ahead log, failed check),
 *   `store_foreign` (not an Andes database), `storage_error` (cannot open or upgrade it).
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  const name = path.basename(file);
  const readOnly = options.readOnly ?? false;
  // A database this process holds open was checked when it was opened, and reading its files now would release the
  // open connection's locks (see `databases-open-here.ts`).
  const openHere = isDatabaseOpenHere(file);
  const state = openHere ? undefined : checkDatabaseFile(file);
  if (state?.kind === 'missing') {
    if (readOnly) return openEmptyInMemory();
    try {
      createDatabaseFile(file);
    } catch (error) {
      throw new AndesError('storage_error', `Cannot create the database ${file}: ${String(error)}`, { cause: error });
    }
  }
  const lost = openHere ? undefined : findLostWriteAheadLog(file);
  if (lost) {
    throw storeCorruptError(
      `Committed writes are lost: the write-ahead log ${name}-wal is ${lost.damage}, and ${name}-shm records ` +
        `${lost.lostFrames} committed page writes that never reached ${name}. Restore ${name}-wal from a backup if ` +
        'you have one (Andes has not touched it)',
      { details: { file: name, ...lost } },
    );
  }
  let database: Database.Database;
  try {
    database = new Database(file);
  } catch (error) {
    throw new AndesError('storage_error', `Cannot open the database ${file}: ${String(error)}`, { cause: error });
  }
  try {
    database.pragma('busy_timeout = 5000');
    // Before anything writes (switching to WAL rewrites the header): a foreign database is left byte for byte.
    const schema = checkSchema(database, name);
    if (schema === 'empty' && readOnly) {
      database.close();
      return openEmptyInMemory();
    }
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.pragma('foreign_keys = ON');
    if (schema === 'andes') quickCheck(database, name, options.check ?? 'structure');
    migrateSchema(database, name);
    recordDatabaseOpenHere(file, database);
    return database;
  } catch (error) {
    database.close();
    if (AndesError.isInstance(error)) throw error;
    if (isDamageError(error)) {
      throw storeCorruptError(`The database ${name} is damaged (${String(error)})`, { cause: error });
    }
    throw new AndesError('storage_error', `Cannot use the database ${file}: ${String(error)}`, { cause: error });
  }
}

/** SQLite's own check of the b-trees: every page for `full`, the small tables read on every request otherwise. */
function quickCheck(database: Database.Database, name: string, check: OpenCheck): void {
  const targets = check === 'full' ? [undefined] : ['sqlite_master', 'collections', 'documents'];
  for (const target of targets) {
    const rows = database.pragma(target === undefined ? 'quick_check(20)' : `quick_check(${target})`, {
      simple: false,
    }) as Array<{ quick_check: string }>;
    const findings = rows.map((row) => row.quick_check).filter((finding) => finding !== 'ok');
    if (findings.length > 0) {
      throw storeCorruptError(`The database ${name} is damaged: ${findings.slice(0, 3).join('; ')}`, {
        details: { file: name, findings },
      });
    }
  }
}

/** An empty store that lives in memory: what a read-only open of a missing database reads. */
function openEmptyInMemory(): Database.Database {
  const database = new Database(':memory:');
  initialiseSchema(database);
  return database;
}
