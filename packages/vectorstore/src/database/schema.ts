/** The schema version this code writes; stored in `PRAGMA user_version`. */
export const schemaVersion = 3;

/**
 * Statements that bring a database from the version it has (the key) to the next. A new database runs
 * {@link schemaStatements} instead.
 */
export const schemaUpgrades: Readonly<Record<number, readonly string[]>> = {
  // 2: documents keep the warnings parsing raised (hidden text removed, a misleading file name), as JSON.
  1: ["ALTER TABLE documents ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]'"],
  // 3: documents keep the tags given at ingestion, as a JSON array of strings.
  2: ["ALTER TABLE documents ADD COLUMN tags TEXT NOT NULL DEFAULT '[]'"],
};

/**
 * Tables of the source of truth. Chunk rowids are AUTOINCREMENT so a deleted chunk's rowid, which is its hnswlib
 * label, is never handed to another chunk. Each collection's FTS5 table is created beside it (see `fts-table.ts`).
 */
export const schemaStatements: readonly string[] = [
  `CREATE TABLE collections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    embedding_dimensions INTEGER,
    embedding_model TEXT,
    index_generation INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  )`,
  `CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    title TEXT NOT NULL,
    media_type TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    chunk_count INTEGER NOT NULL,
    ingested_at TEXT NOT NULL,
    warnings TEXT NOT NULL DEFAULT '[]',
    tags TEXT NOT NULL DEFAULT '[]',
    UNIQUE (collection_id, source)
  )`,
  `CREATE TABLE chunks (
    rowid INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    chunk_index INTEGER NOT NULL,
    text TEXT NOT NULL,
    heading_path TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    page INTEGER,
    embedding BLOB
  )`,
  'CREATE INDEX chunks_by_document ON chunks (document_id, chunk_index)',
  'CREATE INDEX chunks_by_collection ON chunks (collection_id)',
  // Lets a filtered vector search list the allowed labels from the index alone, without reading the embeddings.
  'CREATE INDEX chunks_with_embedding ON chunks (collection_id, document_id) WHERE embedding IS NOT NULL',
];
