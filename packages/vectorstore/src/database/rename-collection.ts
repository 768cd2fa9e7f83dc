import type Database from 'better-sqlite3';
import { AndesError } from '@andes-rag/core';
import type { CollectionRow } from './collection-rows.js';
import { findCollection } from './collection-rows.js';
import { prepared } from './prepared-statement.js';

/**
 * Renames a collection row and every record of this database that names it: conversations (`collection`), API key
 * scopes (`api_keys.collections`, a JSON array) and assistant definitions (`assistant_versions.definition`, whose
 * `collections` array names it). Documents, chunks, the FTS5 table and the hnswlib files are keyed by the
 * collection's id, so they follow without being touched. Call inside a write transaction.
 *
 * @throws AndesError `conflict` when `newName` is taken.
 */
export function renameCollectionRows(database: Database.Database, row: CollectionRow, newName: string): void {
  if (findCollection(database, newName) !== undefined) {
    throw new AndesError('conflict', `A collection named ${JSON.stringify(newName)} already exists.`, {
      details: { collection: newName },
    });
  }
  prepared(database, 'UPDATE collections SET name = ? WHERE id = ?').run(newName, row.id);
  if (tableExists(database, 'conversations')) {
    prepared(database, 'UPDATE conversations SET collection = ? WHERE collection = ?').run(newName, row.name);
  }
  if (tableExists(database, 'api_keys')) {
    const keys = prepared(
      database,
      'SELECT id, collections FROM api_keys WHERE collections IS NOT NULL',
    ).all() as Array<{
      id: string;
      collections: string;
    }>;
    const update = prepared(database, 'UPDATE api_keys SET collections = ? WHERE id = ?');
    for (const key of keys) {
      const renamed = renamedList(JSON.parse(key.collections), row.name, newName);
      if (renamed !== undefined) update.run(JSON.stringify(renamed), key.id);
    }
  }
  if (tableExists(database, 'assistant_versions')) {
    const versions = prepared(
      database,
      'SELECT assistant_name, version, definition FROM assistant_versions',
    ).all() as Array<{
      assistant_name: string;
      version: number;
      definition: string;
    }>;
    const update = prepared(
      database,
      'UPDATE assistant_versions SET definition = ? WHERE assistant_name = ? AND version = ?',
    );
    for (const version of versions) {
      const definition = JSON.parse(version.definition) as Record<string, unknown>;
      const renamed = renamedList(definition.collections, row.name, newName);
      if (renamed === undefined) continue;
      update.run(JSON.stringify({ ...definition, collections: renamed }), version.assistant_name, version.version);
    }
  }
}

/** The list with `from` replaced by `to`, or undefined when it is no list of names or does not name `from`. */
function renamedList(list: unknown, from: string, to: string): string[] | undefined {
  if (!Array.isArray(list) || !list.includes(from)) return undefined;
  return list.map((entry: unknown) => (entry === from ? to : entry)) as string[];
}

function tableExists(database: Database.Database, table: string): boolean {
  return prepared(database, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
}
