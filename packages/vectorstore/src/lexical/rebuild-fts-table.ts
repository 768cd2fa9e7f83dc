import type Database from 'better-sqlite3';
import { prepared } from '../database/prepared-statement.js';
import { createFtsTable, dropFtsTable, ftsBody, ftsTableName } from './fts-table.js';

/** Rows read per query while refilling: bounded memory, and no statement open while inserting. */
const pageSize = 1000;

interface ChunkBodyRow {
  label: number;
  text: string;
  heading_path: string;
  title: string;
}

/**
 * Drops the collection's FTS5 table and fills a new one from `chunks` and `documents`, the source of truth, then
 * merges its segments (`optimize`). Call inside one write transaction: readers see the old table or the new one.
 * Returns how many chunks were indexed.
 */
export function rebuildFtsTable(database: Database.Database, collectionId: number): number {
  dropFtsTable(database, collectionId);
  createFtsTable(database, collectionId);
  const table = ftsTableName(collectionId);
  const insert = prepared(database, `INSERT INTO ${table} (rowid, body) VALUES (?, ?)`);
  const page = prepared(
    database,
    `SELECT c.rowid AS label, c.text, c.heading_path, d.title
       FROM chunks c JOIN documents d ON d.id = c.document_id
      WHERE c.collection_id = ? AND c.rowid > ?
      ORDER BY c.rowid LIMIT ${pageSize}`,
  );
  let indexed = 0;
  let after = 0;
  for (;;) {
    const rows = page.all(collectionId, after) as ChunkBodyRow[];
    for (const row of rows) {
      insert.run(row.label, ftsBody(row.title, JSON.parse(row.heading_path) as string[], row.text));
    }
    indexed += rows.length;
    if (rows.length < pageSize) break;
    after = rows.at(-1)!.label;
  }
  database.exec(`INSERT INTO ${table} (${table}) VALUES ('optimize')`);
  return indexed;
}
