import { createRequire } from 'node:module';
import path from 'node:path';
import { repositoryRoot } from '../../support/repository.js';

/** The few better-sqlite3 calls the baseline needs (the test package does not depend on its types). */
interface RawStatement {
  run(...parameters: unknown[]): { lastInsertRowid: number | bigint };
}
interface RawDatabase {
  pragma(source: string): unknown;
  exec(source: string): void;
  prepare(source: string): RawStatement;
  transaction<T>(work: () => T): () => T;
  close(): void;
}

/** One document, already parsed and chunked, for the baseline to store. */
export interface ChunkedDocument {
  source: string;
  chunks: string[];
}

/** better-sqlite3, loaded from the vector store's own dependencies: the same build Andes uses. */
function openRaw(file: string): RawDatabase {
  const require = createRequire(path.join(repositoryRoot, 'packages/vectorstore/package.json'));
  const Database = require('better-sqlite3') as new (file: string) => RawDatabase;
  return new Database(file);
}

/**
 * The floor Andes is measured against: the same documents written straight into better-sqlite3 with the same
 * durability (WAL, `synchronous = FULL`, one transaction per document) and the same FTS5 table, one INSERT per
 * chunk; no ids, hashing, validation, vector bookkeeping or replace logic. `oneTransaction` instead loads everything
 * in a single transaction: the fastest bulk load, but a crash loses all of it.
 */
export class RawSqliteBaseline {
  private readonly database: RawDatabase;
  private readonly insertDocument: RawStatement;
  private readonly insertChunk: RawStatement;
  private readonly insertSearchRow: RawStatement;

  constructor(file: string) {
    this.database = openRaw(file);
    this.database.pragma('journal_mode = WAL');
    this.database.pragma('synchronous = FULL');
    this.database.exec(`
      CREATE TABLE documents (id INTEGER PRIMARY KEY, source TEXT NOT NULL UNIQUE);
      CREATE TABLE chunks (rowid INTEGER PRIMARY KEY, document_id INTEGER NOT NULL REFERENCES documents(id), text TEXT NOT NULL);
      CREATE INDEX chunks_by_document ON chunks (document_id);
      CREATE VIRTUAL TABLE chunk_search USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');`);
    this.insertDocument = this.database.prepare('INSERT INTO documents (source) VALUES (?)');
    this.insertChunk = this.database.prepare('INSERT INTO chunks (document_id, text) VALUES (?, ?)');
    this.insertSearchRow = this.database.prepare('INSERT INTO chunk_search (rowid, body) VALUES (?, ?)');
  }

  /** Stores documents one transaction each (or all in one). Returns their ids, in order. */
  store(documents: readonly ChunkedDocument[], oneTransaction = false): number[] {
    const storeOne = (document: ChunkedDocument) => {
      const documentId = Number(this.insertDocument.run(document.source).lastInsertRowid);
      for (const text of document.chunks) {
        const rowid = this.insertChunk.run(documentId, text).lastInsertRowid;
        this.insertSearchRow.run(rowid, text);
      }
      return documentId;
    };
    if (oneTransaction) return this.database.transaction(() => documents.map(storeOne))();
    return documents.map((document) => this.database.transaction(() => storeOne(document))());
  }

  /** Deletes one document with its chunks and search rows, in one transaction. */
  delete(documentId: number): void {
    this.database.transaction(() => {
      this.database
        .prepare('DELETE FROM chunk_search WHERE rowid IN (SELECT rowid FROM chunks WHERE document_id = ?)')
        .run(documentId);
      this.database.prepare('DELETE FROM chunks WHERE document_id = ?').run(documentId);
      this.database.prepare('DELETE FROM documents WHERE id = ?').run(documentId);
    })();
  }

  close(): void {
    this.database.close();
  }
}
