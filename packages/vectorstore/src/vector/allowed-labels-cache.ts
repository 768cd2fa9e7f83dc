import type Database from 'better-sqlite3';
import { prepared } from '../database/prepared-statement.js';

/** The index labels a filter allows, as a list (for an exact scan) and a set (for hnswlib's filter). */
export interface AllowedLabels {
  labels: readonly number[];
  set: ReadonlySet<number>;
}

/**
 * The labels a restrictive filter (a caller's principals, tags...) allows, kept per collection and filter while the
 * database is unchanged, so a caller's next search skips the SQL that selects them (tens of milliseconds at 100k
 * chunks). Any change drops every entry: the key holds SQLite's `total_changes()` (every row this connection
 * inserted, updated or deleted, documents' access lists included) and `PRAGMA data_version` (commits by other
 * connections, such as a CLI beside the server). Least recently used entries go first past `capacity`.
 */
export class AllowedLabelsCache {
  private readonly entries = new Map<string, AllowedLabels>();

  /** @param capacity Most filters kept; 0 keeps none. */
  constructor(private readonly capacity: number) {}

  /** The cached labels for `filterKey` in this collection, or those `load` selects (then cached). */
  labels(database: Database.Database, collectionId: number, filterKey: string, load: () => number[]): AllowedLabels {
    if (this.capacity === 0) return allowed(load());
    const changes = prepared(database, 'SELECT total_changes()').pluck().get() as number;
    const version = database.pragma('data_version', { simple: true }) as number;
    const key = `${collectionId}\u0000${changes}\u0000${version}\u0000${filterKey}`;
    const cached = this.entries.get(key);
    if (cached !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const loaded = allowed(load());
    this.entries.set(key, loaded);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return loaded;
  }
}

function allowed(labels: number[]): AllowedLabels {
  return { labels, set: new Set(labels) };
}
