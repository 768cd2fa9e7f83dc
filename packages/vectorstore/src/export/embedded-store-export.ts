import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AndesError } from '@andes-rag/core';
import { blobToEmbedding } from '../database/embedding-blob.js';

/** A collection as stored, with its recorded settings. */
export interface ExportedCollection {
  name: string;
  embeddingDimensions: number | undefined;
  embeddingModel: string | undefined;
  chunkSize: number | undefined;
  createdAt: string;
}

/** A document row as stored (the embedded store keeps no document text, only its chunks). */
export interface ExportedDocument {
  id: string;
  source: string;
  title: string;
  mediaType: string;
  contentHash: string;
  ingestedAt: string;
  warnings: unknown[];
  tags: string[];
  /** Undefined when every reader of the collection may read it. */
  access: string[] | undefined;
}

/** A chunk row as stored, with its embedding when it has one. */
export interface ExportedChunk {
  id: string;
  index: number;
  text: string;
  headingPath: string[];
  startOffset: number;
  endOffset: number;
  page: number | undefined;
  embedding: Float32Array | undefined;
}

/** An API key row: the SHA-256 hash of its secret, never the secret. */
export interface ExportedApiKey {
  id: string;
  name: string;
  role: string;
  /** Null for every collection. */
  collections: string[] | null;
  groups: string[];
  keyHash: string;
  createdAt: string;
}

/** An assistant with every version (definition as stored JSON) and the live one. */
export interface ExportedAssistant {
  name: string;
  liveVersion: number;
  createdAt: string;
  versions: Array<{ version: number; definition: unknown; createdAt: string }>;
}

/** A conversation message row, feedback included. */
export interface ExportedMessage {
  id: string;
  role: string;
  content: string;
  assistantName: string | null;
  assistantVersion: number | null;
  details: unknown;
  prompt: unknown;
  feedbackRating: string | null;
  feedbackComment: string | null;
  feedbackAt: string | null;
  createdAt: string;
}

/** A conversation with its messages in order. */
export interface ExportedConversation {
  id: string;
  owner: string;
  assistantName: string | null;
  collection: string | null;
  createdAt: string;
  updatedAt: string;
  messages: ExportedMessage[];
}

/**
 * Read-only access to every record of an embedded store's database (`andes.db` under a data directory), for
 * copying it elsewhere (`andes migrate`). Opens the file read-only, changes nothing, and reads what the store
 * interfaces do not hand out: stored embeddings, API key hashes, every owner's conversations.
 */
export interface EmbeddedStoreExport {
  collections(): ExportedCollection[];
  /** The collection's documents, by source. */
  documents(collection: string): ExportedDocument[];
  /** The document's chunks in order. */
  chunks(documentId: string): ExportedChunk[];
  apiKeys(): ExportedApiKey[];
  assistants(): ExportedAssistant[];
  conversations(): ExportedConversation[];
  close(): void;
}

interface DocumentRow {
  id: string;
  source: string;
  title: string;
  media_type: string;
  content_hash: string;
  ingested_at: string;
  warnings: string;
  tags: string;
  access: string | null;
}

interface ChunkRow {
  id: string;
  chunk_index: number;
  text: string;
  heading_path: string;
  start_offset: number;
  end_offset: number;
  page: number | null;
  embedding: Uint8Array | null;
}

interface MessageRow {
  id: string;
  role: string;
  content: string;
  assistant_name: string | null;
  assistant_version: number | null;
  details: string;
  prompt: string | null;
  feedback_rating: string | null;
  feedback_comment: string | null;
  feedback_at: string | null;
  created_at: string;
}

/**
 * Opens the embedded store under `dataDir` for export. Throws `invalid_request` when there is no `andes.db` there.
 */
export function openEmbeddedStoreExport(dataDir: string): EmbeddedStoreExport {
  const file = path.join(dataDir, 'andes.db');
  if (!existsSync(file)) {
    throw new AndesError('invalid_request', `No embedded store in ${JSON.stringify(dataDir)} (no andes.db there)`);
  }
  const database = new Database(file, { readonly: true, fileMustExist: true });
  return {
    collections: () =>
      (
        database
          .prepare(
            'SELECT name, embedding_dimensions, embedding_model, chunk_size, created_at FROM collections ORDER BY name',
          )
          .all() as Array<{
          name: string;
          embedding_dimensions: number | null;
          embedding_model: string | null;
          chunk_size: number | null;
          created_at: string;
        }>
      ).map((row) => ({
        name: row.name,
        embeddingDimensions: row.embedding_dimensions ?? undefined,
        embeddingModel: row.embedding_model ?? undefined,
        chunkSize: row.chunk_size ?? undefined,
        createdAt: row.created_at,
      })),
    documents: (collection) =>
      (
        database
          .prepare(
            `SELECT d.id, d.source, d.title, d.media_type, d.content_hash, d.ingested_at, d.warnings, d.tags, d.access
             FROM documents d JOIN collections c ON c.id = d.collection_id WHERE c.name = ? ORDER BY d.source`,
          )
          .all(collection) as DocumentRow[]
      ).map((row) => ({
        id: row.id,
        source: row.source,
        title: row.title,
        mediaType: row.media_type,
        contentHash: row.content_hash,
        ingestedAt: row.ingested_at,
        warnings: JSON.parse(row.warnings) as unknown[],
        tags: JSON.parse(row.tags) as string[],
        access: row.access === null ? undefined : (JSON.parse(row.access) as string[]),
      })),
    chunks: (documentId) =>
      (
        database
          .prepare(
            `SELECT id, chunk_index, text, heading_path, start_offset, end_offset, page, embedding
             FROM chunks WHERE document_id = ? ORDER BY chunk_index`,
          )
          .all(documentId) as ChunkRow[]
      ).map((row) => ({
        id: row.id,
        index: row.chunk_index,
        text: row.text,
        headingPath: JSON.parse(row.heading_path) as string[],
        startOffset: row.start_offset,
        endOffset: row.end_offset,
        page: row.page ?? undefined,
        embedding: row.embedding === null ? undefined : blobToEmbedding(row.embedding),
      })),
    apiKeys: () =>
      (
        database
          .prepare('SELECT id, name, role, collections, groups, key_hash, created_at FROM api_keys ORDER BY id')
          .all() as Array<{
          id: string;
          name: string;
          role: string;
          collections: string | null;
          groups: string;
          key_hash: string;
          created_at: string;
        }>
      ).map((row) => ({
        id: row.id,
        name: row.name,
        role: row.role,
        collections: row.collections === null ? null : (JSON.parse(row.collections) as string[]),
        groups: JSON.parse(row.groups) as string[],
        keyHash: row.key_hash,
        createdAt: row.created_at,
      })),
    assistants: () => {
      const versions = database.prepare(
        'SELECT version, definition, created_at FROM assistant_versions WHERE assistant_name = ? ORDER BY version',
      );
      return (
        database.prepare('SELECT name, live_version, created_at FROM assistants ORDER BY name').all() as Array<{
          name: string;
          live_version: number;
          created_at: string;
        }>
      ).map((row) => ({
        name: row.name,
        liveVersion: row.live_version,
        createdAt: row.created_at,
        versions: (versions.all(row.name) as Array<{ version: number; definition: string; created_at: string }>).map(
          (version) => ({
            version: version.version,
            definition: JSON.parse(version.definition) as unknown,
            createdAt: version.created_at,
          }),
        ),
      }));
    },
    conversations: () => {
      const messages = database.prepare(
        `SELECT id, role, content, assistant_name, assistant_version, details, prompt, feedback_rating,
           feedback_comment, feedback_at, created_at
         FROM conversation_messages WHERE conversation_id = ? ORDER BY position`,
      );
      return (
        database
          .prepare(
            'SELECT id, owner, assistant_name, collection, created_at, updated_at FROM conversations ORDER BY created_at, id',
          )
          .all() as Array<{
          id: string;
          owner: string;
          assistant_name: string | null;
          collection: string | null;
          created_at: string;
          updated_at: string;
        }>
      ).map((row) => ({
        id: row.id,
        owner: row.owner,
        assistantName: row.assistant_name,
        collection: row.collection,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        messages: (messages.all(row.id) as MessageRow[]).map((message) => ({
          id: message.id,
          role: message.role,
          content: message.content,
          assistantName: message.assistant_name,
          assistantVersion: message.assistant_version,
          details: JSON.parse(message.details) as unknown,
          prompt: message.prompt === null ? null : (JSON.parse(message.prompt) as unknown),
          feedbackRating: message.feedback_rating,
          feedbackComment: message.feedback_comment,
          feedbackAt: message.feedback_at,
          createdAt: message.created_at,
        })),
      }));
    },
    close: () => database.close(),
  };
}
