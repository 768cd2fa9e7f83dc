import { closeSync, copyFileSync, existsSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createDatabaseFile } from '../database/create-database-file.js';
import { readReadableRows } from './readable-rows.js';
import { isPlausibleRow } from './salvaged-row-check.js';

/** A document the salvaged database does not hold although the damaged one had (some of) it. */
export interface SalvageLoss {
  collectionId: number;
  /** The document's id; its source is known when its row was readable. */
  documentId: string;
  source: string | undefined;
  contentHash: string | undefined;
  reason: string;
}

/** What {@link salvageDatabase} copied and lost. */
export interface SalvageReport {
  /** Rows copied, by table. */
  copied: Record<string, number>;
  /** Rows that could not be read, by table (-1: the table could not be read at all). */
  unreadable: Record<string, number>;
  /** Documents left out: some of their chunks unreadable, or their collection or their own row lost. */
  lost: SalvageLoss[];
}

const sqliteMagic = Buffer.from('SQLite format 3\0', 'latin1');
/** Copied first, in this order; any other table of the schema after them. */
const firstTables = ['collections', 'documents', 'chunks'];

/**
 * Copies every readable row of the damaged database `damagedFile` into a new database at `targetFile` (created with
 * the current schema; it must not exist), as SQLite's `.recover` would but knowing Andes's tables: rows are read
 * around damaged pages (`readable-rows.ts`), documents missing any chunk are left out whole (half a document would
 * answer from half its text), chunk and collection ids keep counting from where they were (hnswlib labels are never
 * reused), and every index generation moves on so no index file saved before is trusted. FTS5 tables are created
 * empty: rebuild the indexes afterwards. `damagedFile` is only read (through a copy with the SQLite signature
 * written back, when the header lost it).
 */
export function salvageDatabase(damagedFile: string, targetFile: string): SalvageReport {
  createDatabaseFile(targetFile);
  const report: SalvageReport = { copied: {}, unreadable: {}, lost: [] };
  const readable = readableCopy(damagedFile);
  let source: Database.Database | undefined;
  const target = new Database(targetFile);
  try {
    try {
      if (readable) source = new Database(readable, { readonly: true, fileMustExist: true });
    } catch {
      source = undefined;
    }
    target.pragma('foreign_keys = OFF');
    target.transaction(() => copyTables(source, target, report)).immediate();
    target.transaction(() => dropIncompleteDocuments(target, report)).immediate();
  } finally {
    source?.close();
    target.close();
    if (readable !== undefined && readable !== damagedFile) rmSync(readable, { force: true });
  }
  return report;
}

/** The file to read from: the damaged file, a copy with its SQLite signature written back, or none when empty. */
function readableCopy(damagedFile: string): string | undefined {
  if (!existsSync(damagedFile)) return undefined;
  const header = Buffer.alloc(sqliteMagic.length);
  const descriptor = openSync(damagedFile, 'r');
  let bytesRead: number;
  try {
    bytesRead = readSync(descriptor, header, 0, header.length, 0);
  } finally {
    closeSync(descriptor);
  }
  if (bytesRead < header.length) return undefined;
  if (header.equals(sqliteMagic)) return damagedFile;
  const copy = `${damagedFile}.${process.pid}.salvage`;
  copyFileSync(damagedFile, copy);
  const writable = openSync(copy, 'r+');
  try {
    writeSync(writable, sqliteMagic, 0, sqliteMagic.length, 0);
  } finally {
    closeSync(writable);
  }
  return copy;
}

function tableNames(database: Database.Database): string[] {
  const names = database
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'chunk_search_%'",
    )
    .pluck()
    .all() as string[];
  return [...firstTables.filter((name) => names.includes(name)), ...names.filter((name) => !firstTables.includes(name))];
}

function columnNames(database: Database.Database, table: string): string[] {
  return (database.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((column) => column.name);
}

function sequences(source: Database.Database): Map<string, number> {
  try {
    const rows = source.prepare('SELECT name, seq FROM sqlite_sequence').all() as Array<{ name: string; seq: number }>;
    return new Map(rows.map((row) => [row.name, Number(row.seq)]));
  } catch {
    return new Map();
  }
}

function copyTables(source: Database.Database | undefined, target: Database.Database, report: SalvageReport): void {
  const sequenceBefore = source ? sequences(source) : new Map<string, number>();
  for (const table of tableNames(target)) {
    let sourceColumns: string[];
    try {
      sourceColumns = source ? columnNames(source, table) : [];
    } catch {
      sourceColumns = [];
    }
    const columns = columnNames(target, table).filter((column) => sourceColumns.includes(column));
    if (!source || columns.length === 0) {
      report.copied[table] = 0;
      report.unreadable[table] = -1;
      continue;
    }
    const { rows, unreadable } = readReadableRows(source, table, sequenceBefore.get(table) ?? 0);
    const quotedColumns = columns.map((column) => `"${column}"`).join(', ');
    const insert = target.prepare(
      `INSERT OR IGNORE INTO "${table}" (${quotedColumns}) VALUES (${columns.map(() => '?').join(', ')})`,
    );
    let copied = 0;
    let implausible = 0;
    for (const row of rows) {
      if (isPlausibleRow(table, row)) copied += insert.run(...columns.map((column) => row[column] ?? null)).changes;
      else implausible += 1;
    }
    report.copied[table] = copied;
    report.unreadable[table] = unreadable + implausible;
  }
  // AUTOINCREMENT ids (collection ids name index files, chunk rowids are hnswlib labels) never go back.
  for (const [name, seq] of sequenceBefore) {
    const updated = target.prepare('UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?').run(seq, name).changes;
    if (updated === 0) target.prepare('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)').run(name, seq);
  }
  target.prepare('UPDATE collections SET index_generation = index_generation + 1').run();
}

interface DocumentCheckRow {
  id: string;
  collection_id: number;
  source: string;
  content_hash: string;
  chunk_count: number;
  stored: number;
  has_collection: number;
}

function dropIncompleteDocuments(target: Database.Database, report: SalvageReport): void {
  const documents = target
    .prepare(
      `SELECT d.id, d.collection_id, d.source, d.content_hash, d.chunk_count,
              (SELECT COUNT(*) FROM chunks c WHERE c.document_id = d.id AND c.collection_id = d.collection_id) AS stored,
              EXISTS (SELECT 1 FROM collections WHERE id = d.collection_id) AS has_collection
         FROM documents d`,
    )
    .all() as DocumentCheckRow[];
  for (const document of documents) {
    const reason = !document.has_collection
      ? 'its collection could not be read'
      : document.stored !== document.chunk_count
        ? `${document.chunk_count - document.stored} of its ${document.chunk_count} chunks could not be read`
        : undefined;
    if (reason === undefined) continue;
    report.lost.push({
      collectionId: document.collection_id,
      documentId: document.id,
      source: document.source,
      contentHash: document.content_hash,
      reason,
    });
    target.prepare('DELETE FROM chunks WHERE document_id = ?').run(document.id);
    target.prepare('DELETE FROM documents WHERE id = ?').run(document.id);
  }
  const orphans = target
    .prepare(
      `SELECT document_id AS documentId, collection_id AS collectionId, COUNT(*) AS chunks FROM chunks
        WHERE document_id NOT IN (SELECT id FROM documents) GROUP BY document_id, collection_id`,
    )
    .all() as Array<{ documentId: string; collectionId: number; chunks: number }>;
  for (const orphan of orphans) {
    report.lost.push({
      collectionId: orphan.collectionId,
      documentId: orphan.documentId,
      source: undefined,
      contentHash: undefined,
      reason: `its document record could not be read (${orphan.chunks} chunks were)`,
    });
  }
  target.prepare('DELETE FROM chunks WHERE document_id NOT IN (SELECT id FROM documents)').run();
}
