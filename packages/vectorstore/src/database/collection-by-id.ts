import type Database from 'better-sqlite3';
import type { CollectionRow } from './collection-rows.js';
import { prepared } from './prepared-statement.js';

/** The collection with this id, or undefined. */
export function findCollectionById(database: Database.Database, id: number): CollectionRow | undefined {
  return prepared(database, 'SELECT * FROM collections WHERE id = ?').get(id) as CollectionRow | undefined;
}
