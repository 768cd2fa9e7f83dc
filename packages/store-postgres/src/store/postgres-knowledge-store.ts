import {
  AndesError,
  noopLogger,
  toAndesError,
  type Chunk,
  type ChunkEmbedding,
  type ChunksToEmbed,
  type CollectionInfo,
  type CollectionSettings,
  type DocumentRecord,
  type DocumentWrite,
  type DocumentWriteResult,
  type IndexRebuildReport,
  type IntegrityReport,
  type KnowledgeStore,
  type KnowledgeStoreMaintenance,
  type ScoredChunkId,
  type StoredEmbeddingModel,
  type MalformedEmbeddingReport,
  type StoreHealth,
  type StoreSearchOptions,
} from '@andes-rag/core';
import { PostgresAssistantStore } from '../assistants/postgres-assistant-store.js';
import {
  findCollection,
  findOrCreateCollection,
  requireCollection,
  toCollectionInfo,
  type CollectionRow,
} from '../collections/collection-rows.js';
import type { PostgresConnection } from '../connection/postgres-connection.js';
import { PostgresConversationStore } from '../conversations/postgres-conversation-store.js';
import { selectChunks, selectDocumentChunks } from '../documents/chunk-rows.js';
import { findDocument, listDocumentRows, toDocumentRecord } from '../documents/document-rows.js';
import { writeDocument } from '../documents/write-document.js';
import { PostgresApiKeyStore } from '../keys/postgres-api-key-store.js';
import { searchLexical } from '../lexical/search-lexical.js';
import { chunksWithoutEmbeddings, resetEmbeddingRows, storeEmbeddings } from '../maintenance/embedding-maintenance.js';
import { dropMalformedEmbeddingRows } from '../maintenance/malformed-embeddings.js';
import { rebuildCollectionIndexes } from '../maintenance/rebuild-indexes.js';
import { verifyIntegrity } from '../maintenance/verify-integrity.js';
import { migrateSchema } from '../schema/migrate.js';
import {
  assertChunkEmbeddings,
  assertChunkSize,
  assertCollectionName,
  assertQueryVector,
  assertSearchOptions,
  assertStoredEmbeddingModel,
  validateDocumentWrite,
} from '../validation/store-input-checks.js';
import { searchVector, type VectorSearchMode } from '../vector/search-vector.js';
import { dropVectorIndex, ensureVectorIndex } from '../vector/vector-index.js';
import type { PostgresKnowledgeStoreOptions } from './store-options.js';

/**
 * The {@link KnowledgeStore} on PostgreSQL, for several stateless API replicas on one database: collections,
 * documents, chunks, tags and access lists, full-text search (`tsvector` of the embedded store's analyser, ranked
 * by `ts_rank_cd`), vectors (`real[]`, searched through a pgvector HNSW index per collection, or exactly without
 * pgvector), API keys, assistants and conversations. Every index lives in the database and changes in the same
 * transaction as the rows, so no replica holds state that could drift. The schema is migrated on open under an
 * advisory lock.
 */
export class PostgresKnowledgeStore implements KnowledgeStore, KnowledgeStoreMaintenance, AsyncDisposable {
  private closed = false;

  private constructor(
    private readonly connection: PostgresConnection,
    /** How vector searches run; see `vector/search-vector.ts`. */
    readonly vectorSearchMode: VectorSearchMode,
  ) {}

  /**
   * Migrates the schema (safe when replicas start at once), sets pgvector up as `options.vectorSearch` says, and
   * returns the open store.
   *
   * @throws AndesError `storage_error` when the database cannot be reached, `store_foreign` when its schema is newer
   *   than this code or pgvector was required and is missing.
   */
  static async open(options: PostgresKnowledgeStoreOptions): Promise<PostgresKnowledgeStore> {
    const logger = options.logger ?? noopLogger;
    const wanted = options.vectorSearch ?? 'auto';
    try {
      const outcome = await migrateSchema(options.connection, { installPgvector: wanted !== 'exact' });
      if (wanted === 'pgvector' && !outcome.pgvector) {
        throw new AndesError(
          'store_foreign',
          'pgvector is required but the database has no "vector" extension: install pgvector and run CREATE EXTENSION vector',
        );
      }
      const pgvector = wanted !== 'exact' && outcome.pgvector;
      const iterativeScan = pgvector && (await supportsIterativeScan(options.connection));
      if (pgvector) await ensureEveryVectorIndex(options.connection);
      logger.info('PostgreSQL store open', { migrationsApplied: outcome.applied, pgvector, iterativeScan });
      return new PostgresKnowledgeStore(options.connection, { pgvector, iterativeScan });
    } catch (error) {
      await options.connection.close().catch(() => undefined);
      throw toAndesError(error, 'storage_error');
    }
  }

  /** Always healthy while open: PostgreSQL reports its own damage on the statement that meets it. */
  health(): StoreHealth {
    return { ok: true };
  }

  async ensureCollection(name: string, settings: CollectionSettings = {}): Promise<CollectionInfo> {
    return this.run(async () => {
      assertCollectionName(name);
      const { chunkSize } = settings;
      if (chunkSize !== undefined) assertChunkSize(chunkSize);
      return this.connection.transaction(async (client) => {
        let row = await findOrCreateCollection(client, name);
        if (chunkSize !== undefined && row.chunk_size !== chunkSize) {
          const info = await toCollectionInfo(client, row);
          if (row.chunk_size !== null && info.documentCount > 0) {
            throw new AndesError(
              'conflict',
              `Collection ${JSON.stringify(name)} holds ${info.documentCount} document(s) chunked at ${row.chunk_size} words; ` +
                `it cannot take a chunk size of ${chunkSize}. Ingest into a new collection with that size, or delete ` +
                'this collection and ingest its files again.',
              { details: { collection: name, chunkSize: row.chunk_size, requested: chunkSize } },
            );
          }
          await client.query('UPDATE collections SET chunk_size = $1 WHERE id = $2', [chunkSize, row.id]);
          row = { ...row, chunk_size: chunkSize };
        }
        return toCollectionInfo(client, row);
      });
    });
  }

  async getCollection(name: string): Promise<CollectionInfo | undefined> {
    return this.run(async () => {
      const row = await this.findCollection(name);
      return row && toCollectionInfo(this.connection, row);
    });
  }

  async listCollections(): Promise<CollectionInfo[]> {
    return this.run(async () => {
      const { rows } = await this.connection.query<CollectionRow>(
        'SELECT * FROM collections ORDER BY name COLLATE "C"',
      );
      return Promise.all(rows.map((row) => toCollectionInfo(this.connection, row)));
    });
  }

  async deleteCollection(name: string): Promise<boolean> {
    return this.run(async () => {
      assertCollectionName(name);
      return this.connection.transaction(async (client) => {
        const row = await findCollection(client, name, true);
        if (!row) return false;
        await client.query('DELETE FROM collections WHERE id = $1', [row.id]);
        if (this.vectorSearchMode.pgvector) await dropVectorIndex(client, row.id);
        return true;
      });
    });
  }

  /**
   * Renames the collection and, in the same transaction, every record naming it: conversations, API key scopes and
   * assistant definitions. Documents, chunks and indexes are keyed by the collection's id and follow untouched.
   */
  async renameCollection(name: string, newName: string): Promise<CollectionInfo> {
    return this.run(async () => {
      assertCollectionName(name);
      assertCollectionName(newName);
      return this.connection.transaction(async (client) => {
        const row = await requireCollection(client, name, true);
        // Its own name is taken too (`conflict`), as in the embedded store.
        if (await findCollection(client, newName)) {
          throw new AndesError('conflict', `Collection ${JSON.stringify(newName)} already exists`, {
            details: { collection: newName },
          });
        }
        await client.query('UPDATE collections SET name = $1 WHERE id = $2', [newName, row.id]);
        await client.query('UPDATE conversations SET collection = $1 WHERE collection = $2', [newName, name]);
        await client.query(
          'UPDATE api_keys SET collections = array_replace(collections, $2, $1) WHERE $2 = ANY(collections)',
          [newName, name],
        );
        await client.query(
          `UPDATE assistant_versions SET definition = jsonb_set(definition, '{collections}',
             (SELECT jsonb_agg(CASE WHEN entry = to_jsonb($2::text) THEN to_jsonb($1::text) ELSE entry END ORDER BY position)
                FROM jsonb_array_elements(definition->'collections') WITH ORDINALITY AS element (entry, position)))
            WHERE jsonb_typeof(definition->'collections') = 'array' AND definition->'collections' ? $2`,
          [newName, name],
        );
        return toCollectionInfo(client, { ...row, name: newName });
      });
    });
  }

  async putDocument(write: DocumentWrite): Promise<DocumentWriteResult> {
    return this.run(async () => {
      const dimensions = validateDocumentWrite(write);
      return this.connection.transaction((client) =>
        writeDocument(client, write, dimensions, this.vectorSearchMode.pgvector),
      );
    });
  }

  async putDocuments(writes: DocumentWrite[]): Promise<DocumentWriteResult[]> {
    return this.run(async () => {
      const dimensions = writes.map((write) => validateDocumentWrite(write));
      return this.connection.transaction(async (client) => {
        const results: DocumentWriteResult[] = [];
        for (const [position, write] of writes.entries()) {
          results.push(await writeDocument(client, write, dimensions[position], this.vectorSearchMode.pgvector));
        }
        return results;
      });
    });
  }

  async getDocument(collection: string, documentId: string): Promise<DocumentRecord | undefined> {
    return this.run(async () => {
      const row = await this.findCollection(collection);
      const document = row && (await findDocument(this.connection, row.id, 'id', documentId));
      return document && toDocumentRecord(document, row.name);
    });
  }

  async findDocumentBySource(collection: string, source: string): Promise<DocumentRecord | undefined> {
    return this.run(async () => {
      const row = await this.findCollection(collection);
      const document = row && (await findDocument(this.connection, row.id, 'source', source));
      return document && toDocumentRecord(document, row.name);
    });
  }

  async listDocuments(collection: string): Promise<DocumentRecord[]> {
    return this.run(async () => {
      const row = await this.requireCollection(collection);
      return (await listDocumentRows(this.connection, row.id)).map((document) => toDocumentRecord(document, row.name));
    });
  }

  async deleteDocument(collection: string, documentId: string): Promise<boolean> {
    return this.run(async () => {
      const row = await this.findCollection(collection);
      if (!row) return false;
      const { rows } = await this.connection.query(
        'DELETE FROM documents WHERE collection_id = $1 AND id = $2 RETURNING id',
        [row.id, documentId],
      );
      return rows.length > 0;
    });
  }

  async getChunks(collection: string, chunkIds: string[]): Promise<Chunk[]> {
    return this.run(async () => selectChunks(this.connection, await this.requireCollection(collection), chunkIds));
  }

  async listDocumentChunks(collection: string, documentId: string): Promise<Chunk[]> {
    return this.run(async () =>
      selectDocumentChunks(this.connection, await this.requireCollection(collection), documentId),
    );
  }

  async searchLexical(collection: string, query: string, options: StoreSearchOptions): Promise<ScoredChunkId[]> {
    return this.run(async () => {
      assertSearchOptions(options);
      const row = await this.requireCollection(collection);
      return searchLexical(this.connection, row.id, String(query ?? ''), options.k, options.filter);
    });
  }

  async searchVector(collection: string, vector: Float32Array, options: StoreSearchOptions): Promise<ScoredChunkId[]> {
    return this.run(async () => {
      assertSearchOptions(options);
      const row = await this.requireCollection(collection);
      assertQueryVector(vector, row.embedding_dimensions ?? undefined, row.name);
      if (row.embedding_dimensions === null) return [];
      return searchVector(this.connection, this.vectorSearchMode, {
        collectionId: row.id,
        dimensions: row.embedding_dimensions,
        vector,
        k: options.k,
        filter: options.filter,
      });
    });
  }

  async rebuildIndexes(collection?: string): Promise<IndexRebuildReport[]> {
    return this.run(async () => {
      const rows =
        collection === undefined
          ? (await this.connection.query<CollectionRow>('SELECT * FROM collections ORDER BY name COLLATE "C"')).rows
          : [await this.requireCollection(collection)];
      const reports: IndexRebuildReport[] = [];
      for (const row of rows) {
        reports.push(
          await this.connection.transaction((client) =>
            rebuildCollectionIndexes(client, row, this.vectorSearchMode.pgvector),
          ),
        );
      }
      return reports;
    });
  }

  async verifyIntegrity(): Promise<IntegrityReport> {
    return this.run(() => verifyIntegrity(this.connection));
  }

  async resetEmbeddings(collection: string, model: StoredEmbeddingModel): Promise<void> {
    return this.run(async () => {
      assertStoredEmbeddingModel(model);
      assertCollectionName(collection);
      await this.connection.transaction(async (client) =>
        resetEmbeddingRows(
          client,
          await requireCollection(client, collection, true),
          model,
          this.vectorSearchMode.pgvector,
        ),
      );
    });
  }

  async chunksWithoutEmbeddings(collection: string, limit: number): Promise<ChunksToEmbed> {
    return this.run(async () =>
      chunksWithoutEmbeddings(this.connection, (await this.requireCollection(collection)).id, limit),
    );
  }

  async setEmbeddings(collection: string, embeddings: ChunkEmbedding[], model: StoredEmbeddingModel): Promise<number> {
    return this.run(async () => {
      assertStoredEmbeddingModel(model);
      assertChunkEmbeddings(embeddings, model);
      assertCollectionName(collection);
      return this.connection.transaction(async (client) =>
        storeEmbeddings(
          client,
          await requireCollection(client, collection, true),
          embeddings,
          model,
          this.vectorSearchMode.pgvector,
        ),
      );
    });
  }

  /** Drops the collection's stored vectors of the wrong size (see `maintenance/malformed-embeddings.ts`). */
  async dropMalformedEmbeddings(collection: string): Promise<MalformedEmbeddingReport> {
    return this.run(async () => {
      assertCollectionName(collection);
      return this.connection.transaction(async (client) =>
        dropMalformedEmbeddingRows(
          client,
          await requireCollection(client, collection, true),
          this.vectorSearchMode.pgvector,
        ),
      );
    });
  }

  /** API keys in this database, shared by every replica; usable until the store closes. */
  apiKeyStore(): PostgresApiKeyStore {
    return new PostgresApiKeyStore(this.connection, () => this.assertOpen());
  }

  /** Assistants and their versions in this database; usable until the store closes. */
  assistantStore(): PostgresAssistantStore {
    return new PostgresAssistantStore(this.connection, () => this.assertOpen());
  }

  /** Conversations, messages and feedback in this database; usable until the store closes. */
  conversationStore(): PostgresConversationStore {
    return new PostgresConversationStore(this.connection, () => this.assertOpen());
  }

  /** Closes the connection. Calling it again does nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.connection.close();
  }

  /** Same as {@link PostgresKnowledgeStore.close}, for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new AndesError('storage_error', 'The knowledge store is closed');
  }

  private async findCollection(name: string): Promise<CollectionRow | undefined> {
    assertCollectionName(name);
    return findCollection(this.connection, name);
  }

  private async requireCollection(name: string): Promise<CollectionRow> {
    assertCollectionName(name);
    return requireCollection(this.connection, name);
  }

  private async run<T>(operation: () => Promise<T>): Promise<T> {
    this.assertOpen();
    try {
      return await operation();
    } catch (error) {
      throw toAndesError(error, 'storage_error');
    }
  }
}

/** pgvector 0.8.0 brought iterative index scans (`hnsw.iterative_scan`). */
async function supportsIterativeScan(connection: PostgresConnection): Promise<boolean> {
  const { rows } = await connection.query<{ version: string }>(
    "SELECT extversion AS version FROM pg_extension WHERE extname = 'vector'",
  );
  const [major = 0, minor = 0] = (rows[0]?.version ?? '0.0').split('.').map(Number);
  return major > 0 || minor >= 8;
}

/** Gives every collection with vectors its HNSW index (pgvector installed after the vectors were stored). */
async function ensureEveryVectorIndex(connection: PostgresConnection): Promise<void> {
  const { rows } = await connection.query<{ id: number; dimensions: number }>(
    'SELECT id, embedding_dimensions AS dimensions FROM collections WHERE embedding_dimensions IS NOT NULL',
  );
  for (const row of rows) await ensureVectorIndex(connection, row.id, row.dimensions);
}
