import type Database from 'better-sqlite3';
import { analyzeForIndex } from '@andes-rag/text-analysis';
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
 * Tokenizer unicode61 with diacritics removed, no stemming (stemming lowered MRR in every engine measured). The
 * column holds {@link ftsBody}'s analysed text, not the chunk text: unicode61 alone makes each run of Chinese
 * characters one token, so the analyser splits CJK runs into characters and character pairs first.
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

/**
 * The text indexed for one chunk: the document title, the heading path, then the chunk's own text, analysed by
 * `analyzeForIndex` of `@andes-rag/text-analysis` (CJK runs as characters and character pairs, dotted numbers joined)
 * to match the terms `buildFtsQuery` searches for. The chunk's own text and offsets stay as written in `chunks`.
 */
export function ftsBody(title: string, headingPath: readonly string[], text: string): string {
  return analyzeForIndex([title, headingPath.join(' / '), text].filter((part) => part.length > 0).join('\n'));
}
