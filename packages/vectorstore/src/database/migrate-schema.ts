import type Database from 'better-sqlite3';
import { AndesError } from '@andes-rag/core';
import { schemaStatements, schemaUpgrades, schemaVersion } from './schema.js';

/** Creates every table of a new database and records the schema version, in one transaction. */
export function initialiseSchema(database: Database.Database): void {
  database
    .transaction(() => {
      for (const statement of schemaStatements) database.exec(statement);
      database.pragma(`user_version = ${schemaVersion}`);
    })
    .immediate();
}

/**
 * Brings an Andes database to {@link schemaVersion}, step by step (`schemaUpgrades`). Reads the version inside the
 * write lock, so two processes opening the same old store upgrade it once. A version 0 database with no tables (a
 * store created in place by an older Andes that stopped before its first transaction) is initialised.
 */
export function migrateSchema(database: Database.Database, name: string): void {
  database
    .transaction(() => {
      const version = database.pragma('user_version', { simple: true }) as number;
      if (version === schemaVersion) return;
      if (version > schemaVersion) {
        throw new AndesError(
          'storage_error',
          `The database ${name} has schema version ${version}; this Andes understands up to ${schemaVersion}`,
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
