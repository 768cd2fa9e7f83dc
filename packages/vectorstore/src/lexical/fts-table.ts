import type Database from 'better-sqlite3';
import { forgetStatements } from '../database/prepared-statement.js';

/**
 * Name of a collection's FTS5 table. One table per collection keeps BM25's document frequencies and average length
 * those of the collection searched, not of every collection in the store. Built from the integer id, never a name.
 */
export function ftsTableName(collectionId: number): string {
  if (!Number.isSafeInteger(collectionId) || collectionId < 0) throw new Error(`Bad collection id ${collectionId}`);
  return `chunk_search_${collectionId}`;
}

/**
 * Creates the collection's FTS5 table: contentless (the text lives in `chunks`), rows deletable by rowid
 * (`contentless_delete`, SQLite 3.43+), rowid = chunk rowid, one column holding title, heading path and chunk text.
 * Tokenizer unicode61 with diacritics removed, no stemming (stemming lowered MRR in every engine measured).
 */
export function createFtsTable(database: Database.Database, collectionId: number): void {
  database.exec(
    `CREATE VIRTUAL TABLE IF NOT EXISTS ${ftsTableName(collectionId)} USING fts5(` +
      `body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')`,
  );
}

/** Drops the collection's FTS5 table. */
export function dropFtsTable(database: Database.Database, collectionId: number): void {
  const table = ftsTableName(collectionId);
  forgetStatements(database, table);
  database.exec(`DROP TABLE IF EXISTS ${table}`);
}

/** The text indexed for one chunk: the document title, the heading path, then the chunk's own text. */
export function ftsBody(title: string, headingPath: readonly string[], text: string): string {
  return [title, headingPath.join(' / '), text].filter((part) => part.length > 0).join('\n');
}
