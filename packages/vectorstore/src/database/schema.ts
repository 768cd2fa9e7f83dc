import type Database from 'better-sqlite3';
import { rebuildFtsTable } from '../lexical/rebuild-fts-table.js';

/** The schema version this code writes; stored in `PRAGMA user_version`. */
export const schemaVersion = 6;

/** One step of a schema upgrade: an SQL statement, or code run inside the upgrade's transaction. */
export type SchemaUpgradeStep = string | ((database: Database.Database) => void);

/**
 * Steps that bring a database from the version it has (the key) to the next. A new database runs
 * {@link schemaStatements} instead.
 */
export const schemaUpgrades: Readonly<Record<number, readonly SchemaUpgradeStep[]>> = {
  // 2: documents keep the warnings parsing raised (hidden text removed, a misleading file name), as JSON.
  1: ["ALTER TABLE documents ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]'"],
  // 3: documents keep the tags given at ingestion, as a JSON array of strings.
  2: ["ALTER TABLE documents ADD COLUMN tags TEXT NOT NULL DEFAULT '[]'"],
  // 4: collections keep the chunk size they were ingested with; FTS5 tables hold the analysed text (CJK runs as
  // characters and character pairs, see `lexical/fts-table.ts`), so every existing one is filled again.
  3: [addChunkSizeColumn, rebuildEveryFtsTable],
  // 5: versioned assistants, and conversations with their messages and feedback (IF NOT EXISTS: a test database
  // written by this version and marked older already has them).
  4: [...assistantTables(), ...conversationTables()],
  // 6: documents keep who may read them (a JSON array of principals, NULL for every reader of the collection), and
  // API keys are stored as hashes with their role and scope.
  5: [addAccessColumn, apiKeyTable()],
};

/**
 * API keys: only a SHA-256 hash of the secret is kept. `collections` is a JSON array of collection names, NULL for
 * every collection; `groups` a JSON array of group names.
 */
function apiKeyTable(): string {
  return `CREATE TABLE IF NOT EXISTS api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    collections TEXT,
    groups TEXT NOT NULL DEFAULT '[]',
    key_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  )`;
}

/** Assistants (name, live version) and their immutable versions (the definition as JSON). */
function assistantTables(): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS assistants (
      name TEXT PRIMARY KEY,
      live_version INTEGER NOT NULL,
      created_at TEXT NOT NULL
    )`,
    `CREATE TABLE IF NOT EXISTS assistant_versions (
      assistant_name TEXT NOT NULL REFERENCES assistants(name) ON DELETE CASCADE,
      version INTEGER NOT NULL,
      definition TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (assistant_name, version)
    )`,
  ];
}

/**
 * Conversations (owned by a caller id), their messages in order, and feedback on answers. An answer keeps the
 * assistant version that wrote it and the prompt messages the model saw, for the fine-tuning export.
 */
function conversationTables(): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS conversations (
      id TEXT PRIMARY KEY,
      owner TEXT NOT NULL,
      assistant_name TEXT,
      collection TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`,
    'CREATE INDEX IF NOT EXISTS conversations_by_owner ON conversations (owner, updated_at)',
    `CREATE TABLE IF NOT EXISTS conversation_messages (
      position INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
      role TEXT NOT NULL,
      content TEXT NOT NULL,
      assistant_name TEXT,
      assistant_version INTEGER,
      details TEXT NOT NULL DEFAULT '{}',
      prompt TEXT,
      feedback_rating TEXT,
      feedback_comment TEXT,
      feedback_at TEXT,
      created_at TEXT NOT NULL
    )`,
    'CREATE INDEX IF NOT EXISTS conversation_messages_by_conversation ON conversation_messages (conversation_id, position)',
    'CREATE INDEX IF NOT EXISTS conversation_messages_by_feedback ON conversation_messages (assistant_name, feedback_rating)',
  ];
}

/** Adds `documents.access` unless a database written by this version already has it. */
function addAccessColumn(database: Database.Database): void {
  const columns = database.prepare('PRAGMA table_info(documents)').all() as Array<{ name: string }>;
  if (!columns.some((column) => column.name === 'access'))
    database.exec('ALTER TABLE documents ADD COLUMN access TEXT');
}

/** Adds `collections.chunk_size` unless a database written by this version already has it. */
function addChunkSizeColumn(database: Database.Database): void {
  const columns = database.prepare('PRAGMA table_info(collections)').all() as Array<{ name: string }>;
  if (!columns.some((column) => column.name === 'chunk_size')) {
    database.exec('ALTER TABLE collections ADD COLUMN chunk_size INTEGER');
  }
}

/** Fills every collection's FTS5 table again from `chunks`, with the current analyser. */
function rebuildEveryFtsTable(database: Database.Database): void {
  const collections = database.prepare('SELECT id FROM collections ORDER BY id').all() as Array<{ id: number }>;
  for (const { id } of collections) rebuildFtsTable(database, id);
}

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
    chunk_size INTEGER,
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
    access TEXT,
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
  ...assistantTables(),
  ...conversationTables(),
  apiKeyTable(),
];
