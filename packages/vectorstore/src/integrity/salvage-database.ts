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
 * empty: rebuild the indexes afterwards. `damagedFile` is read through SQLite as it is (which may replay its own
 * write-ahead log into it), or through a copy with a new header when its header is damaged.
 */
export function salvageDatabase(damagedFile: string, targetFile: string): SalvageReport {
  createDatabaseFile(targetFile);
  const report: SalvageReport = { copied: {}, unreadable: {}, lost: [] };
  const readable = readableCopy(damagedFile);
  let source: Database.Database | undefined;
  const target = new Database(targetFile);
  try {
    try {
      if (readable) source = new Database(readable, { fileMustExist: true });
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

/**
 * The file to read from: the damaged file itself when its SQLite signature is intact, else a copy whose first 100
 * bytes (the database header) are written anew, with the page size found by trying each one until SQLite reads
 * Andes's schema from page 1 (its b-tree starts right after the header, so header damage alone loses no row).
 * Undefined when the file is empty or no page size works.
 */
function readableCopy(damagedFile: string): string | undefined {
  if (!existsSync(damagedFile)) return undefined;
  const header = Buffer.alloc(headerBytes);
  const descriptor = openSync(damagedFile, 'r');
  let bytesRead: number;
  try {
    bytesRead = readSync(descriptor, header, 0, header.length, 0);
  } finally {
    closeSync(descriptor);
  }
  if (bytesRead < sqliteMagic.length) return undefined;
  if (header.subarray(0, sqliteMagic.length).equals(sqliteMagic) && isReadable(damagedFile, false)) return damagedFile;
  const copy = `${damagedFile}.${process.pid}.salvage`;
  for (const pageSize of [4096, 1024, 2048, 8192, 16384, 32768, 65536, 512]) {
    copyFileSync(damagedFile, copy);
    const writable = openSync(copy, 'r+');
    try {
      writeSync(writable, freshHeader(pageSize), 0, headerBytes, 0);
    } finally {
      closeSync(writable);
    }
    if (isReadable(copy, true)) return copy;
  }
  rmSync(copy, { force: true });
  return undefined;
}

const headerBytes = 100;

/** A database header as SQLite writes one for a rollback-journal, UTF-8 database of this page size. */
function freshHeader(pageSize: number): Buffer {
  const header = Buffer.alloc(headerBytes);
  sqliteMagic.copy(header, 0);
  header.writeUInt16BE(pageSize === 65536 ? 1 : pageSize, 16);
  header[18] = 1; // write version: legacy (no WAL), so reading needs no -shm
  header[19] = 1;
  header[21] = 64; // maximum embedded payload fraction
  header[22] = 32; // minimum embedded payload fraction
  header[23] = 32; // leaf payload fraction
  header.writeUInt32BE(4, 44); // schema format
  header.writeUInt32BE(1, 56); // text encoding: UTF-8
  return header; // the page count is left 0 (invalid), so SQLite takes it from the file size
}

/**
 * True when SQLite can read the schema of `file` and it names Andes's chunks table. Not `readonly` for a file in
 * WAL mode: reading its log needs the shared-memory index, which a read-only connection may not create.
 */
function isReadable(file: string, readonly: boolean): boolean {
  try {
    const database = new Database(file, { readonly, fileMustExist: true });
    try {
      const names = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
      return names.includes('chunks');
    } finally {
      database.close();
    }
  } catch {
    return false;
  }
}

function tableNames(database: Database.Database): string[] {
  const names = database
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'chunk_search_%'",
    )
    .pluck()
    .all() as string[];
  return [
    ...firstTables.filter((name) => names.includes(name)),
    ...names.filter((name) => !firstTables.includes(name)),
  ];
}

function columnNames(database: Database.Database, table: string): string[] {
  return (database.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map(
    (column) => column.name,
  );
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
    const updated = target
      .prepare('UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?')
      .run(seq, name).changes;
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
