import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
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
  type MalformedEmbeddingReport,
  type ScoredChunkId,
  type StoredEmbeddingModel,
  type StoreHealth,
  type StoreSearchOptions,
} from '@andes-rag/core';
import { SqliteAssistantStore } from '../assistants/sqlite-assistant-store.js';
import { SqliteApiKeyStore } from '../keys/sqlite-api-key-store.js';
import { SqliteConversationStore } from '../conversations/sqlite-conversation-store.js';
import { assertChunkSize, recordChunkSize } from '../database/collection-chunk-size.js';
import { assertCollectionName } from '../database/collection-name.js';
import {
  deleteCollectionRows,
  findCollection,
  findOrCreateCollection,
  listCollectionRows,
  requireCollection,
  toCollectionInfo,
  type CollectionRow,
} from '../database/collection-rows.js';
import { openDatabase } from '../database/open-database.js';
import { renameCollectionRows } from '../database/rename-collection.js';
import { isDamageError, storeCorruptError } from '../database/store-damage.js';
import { selectChunks, selectDocumentChunks } from '../documents/chunk-rows.js';
import { deleteDocumentRows } from '../documents/delete-document.js';
import { putDocuments } from '../documents/put-documents.js';
import {
  findDocumentById,
  findDocumentBySource,
  listDocumentRows,
  toDocumentRecord,
} from '../documents/document-rows.js';
import { validateDocumentWrite } from '../documents/validate-document-write.js';
import { writeDocument } from '../documents/write-document.js';
import { chunksWithoutEmbeddings } from '../embeddings/chunks-without-embeddings.js';
import { resetEmbeddingRows } from '../embeddings/reset-embeddings.js';
import { storeEmbeddings } from '../embeddings/set-embeddings.js';
import { assertChunkEmbeddings, assertStoredEmbeddingModel } from '../embeddings/stored-embedding-model.js';
import { dropMalformedEmbeddingRows } from '../integrity/malformed-embeddings.js';
import { verifyIntegrity } from '../integrity/verify-integrity.js';
import { rebuildFtsTable } from '../lexical/rebuild-fts-table.js';
import { searchLexical } from '../lexical/search-lexical.js';
import { resolveHnswOptions } from '../vector/hnsw-options.js';
import { removeOrphanIndexFiles } from '../vector/orphan-index-files.js';
import { AllowedLabelsCache } from '../vector/allowed-labels-cache.js';
import { searchVector } from '../vector/search-vector.js';
import { VectorIndexes } from '../vector/vector-indexes.js';
import { assertQueryVector, assertSearchOptions } from './search-options.js';
import { describeLostCommits, findLostCommits, type LostCommits } from './lost-commits.js';
import { resolveStoreOptions } from './resolve-store-options.js';
import type { SqliteKnowledgeStoreOptions } from './store-options.js';

/**
 * The embedded {@link KnowledgeStore}: SQLite (`<dataDir>/andes.db`) is the source of truth for collections,
 * documents, chunks and embeddings; each collection has an FTS5 table for BM25 and an hnswlib index
 * (`<dataDir>/indexes/`) that is rebuilt from SQLite whenever its file is missing, stale or corrupt.
 *
 * One process should write a data directory at a time. Close it (or `await using`) to save the indexes.
 */
export class SqliteKnowledgeStore implements KnowledgeStore, KnowledgeStoreMaintenance, AsyncDisposable {
  private closed = false;
  private damage: AndesError | undefined;
  private lostCommits: LostCommits[] = [];

  private constructor(
    private readonly database: Database.Database,
    private readonly vectorIndexes: VectorIndexes,
    private readonly exactSearchLimit: number,
    private readonly allowedLabels: AllowedLabelsCache,
  ) {}

  /**
   * Opens the store in `options.dataDir`, creating the folder and the database when the database is missing (not
   * when `readOnly`). Checks it first (see `SqliteKnowledgeStoreOptions.check`).
   *
   * @throws AndesError `store_corrupt` (damaged or empty database, lost write-ahead log, index files recording
   *   commits the database lacks), `store_foreign` (not an Andes database), `storage_error`.
   */
  static async open(options: SqliteKnowledgeStoreOptions): Promise<SqliteKnowledgeStore> {
    const resolved = resolveStoreOptions(options);
    const logger = options.logger ?? noopLogger;
    const hnsw = resolveHnswOptions(options.hnsw);
    const readOnly = options.readOnly ?? false;
    const indexDirectory = path.join(options.dataDir, 'indexes');
    const databaseFile = path.join(options.dataDir, 'andes.db');
    if (!readOnly) {
      try {
        mkdirSync(indexDirectory, { recursive: true });
      } catch (error) {
        throw new AndesError('storage_error', `Cannot create the data directory ${options.dataDir}`, { cause: error });
      }
    }
    const databaseExisted = existsSync(databaseFile);
    const database = openDatabase(databaseFile, { readOnly, check: options.check ?? 'structure' });
    let lost: LostCommits[] = [];
    try {
      lost = findLostCommits(database, indexDirectory);
      if (lost.length > 0 && !options.acceptLostCommits) {
        const what = databaseExisted ? 'The database lacks commits that index files record' : 'andes.db is missing';
        throw storeCorruptError(`${what}: ${describeLostCommits(lost)}`, { details: { lostCommits: lost } });
      }
      if (!readOnly) removeOrphanIndexFiles(indexDirectory, new Set(listCollectionRows(database).map((row) => row.id)));
    } catch (error) {
      if (AndesError.isInstance(error)) {
        database.close();
        throw error;
      }
      logger.warn('Could not remove stray index files', { directory: indexDirectory, error: String(error) });
    }
    const vectorIndexes = new VectorIndexes({
      database,
      directory: indexDirectory,
      hnsw,
      logger,
      saveDelayMs: resolved.indexSaveDelayMs,
      compactionThreshold: resolved.vectorCompactionThreshold,
      persist: !readOnly,
    });
    const store = new SqliteKnowledgeStore(
      database,
      vectorIndexes,
      resolved.exactSearchLimit,
      new AllowedLabelsCache(resolved.allowedLabelCacheSize),
    );
    store.lostCommits = lost;
    return store;
  }

  /** The lost commits found on open (only ever non-empty with `acceptLostCommits`); see `store/lost-commits.ts`. */
  lostCommitsFound(): LostCommits[] {
    return this.lostCommits;
  }

  /** Unhealthy (`store_corrupt`) once an operation met damaged data; see `andes doctor`. */
  health(): StoreHealth {
    return this.damage === undefined
      ? { ok: true }
      : { ok: false, code: 'store_corrupt', message: this.damage.message };
  }

  async ensureCollection(name: string, settings: CollectionSettings = {}): Promise<CollectionInfo> {
    return this.run(() => {
      assertCollectionName(name);
      const { chunkSize } = settings;
      if (chunkSize !== undefined) assertChunkSize(chunkSize);
      const row = this.database
        .transaction(() => {
          const found = findOrCreateCollection(this.database, name);
          return chunkSize === undefined ? found : recordChunkSize(this.database, found, chunkSize);
        })
        .immediate();
      return toCollectionInfo(this.database, row);
    });
  }

  async getCollection(name: string): Promise<CollectionInfo | undefined> {
    return this.run(() => {
      const row = this.findCollection(name);
      return row && toCollectionInfo(this.database, row);
    });
  }

  async listCollections(): Promise<CollectionInfo[]> {
    return this.run(() => listCollectionRows(this.database).map((row) => toCollectionInfo(this.database, row)));
  }

  async deleteCollection(name: string): Promise<boolean> {
    return this.run(() => {
      const row = this.findCollection(name);
      if (!row) return false;
      this.database.transaction(() => deleteCollectionRows(this.database, row)).immediate();
      this.vectorIndexes.forget(row.id);
      return true;
    });
  }

  /** Renames the collection and the records naming it (see `database/rename-collection.ts`); indexes are kept. */
  async renameCollection(name: string, newName: string): Promise<CollectionInfo> {
    return this.run(() => {
      assertCollectionName(newName);
      const row = this.requireCollection(name);
      this.database.transaction(() => renameCollectionRows(this.database, row, newName)).immediate();
      return toCollectionInfo(this.database, { ...row, name: newName });
    });
  }

  async putDocument(write: DocumentWrite): Promise<DocumentWriteResult> {
    return this.run(() => {
      const dimensions = validateDocumentWrite(write);
      this.loadVectorIndex(findCollection(this.database, write.collection));
      const outcome = this.database.transaction(() => writeDocument(this.database, write, dimensions)).immediate();
      if (outcome.vectorChange) this.vectorIndexes.apply(outcome.vectorChange);
      return outcome.result;
    });
  }

  async putDocuments(writes: DocumentWrite[]): Promise<DocumentWriteResult[]> {
    return this.run(() => putDocuments(this.database, this.vectorIndexes, writes));
  }

  async getDocument(collection: string, documentId: string): Promise<DocumentRecord | undefined> {
    return this.run(() => {
      const row = this.findCollection(collection);
      const document = row && findDocumentById(this.database, row.id, documentId);
      return document && toDocumentRecord(document, row.name);
    });
  }

  async findDocumentBySource(collection: string, source: string): Promise<DocumentRecord | undefined> {
    return this.run(() => {
      const row = this.findCollection(collection);
      const document = row && findDocumentBySource(this.database, row.id, source);
      return document && toDocumentRecord(document, row.name);
    });
  }

  async listDocuments(collection: string): Promise<DocumentRecord[]> {
    return this.run(() => {
      const row = this.requireCollection(collection);
      return listDocumentRows(this.database, row.id).map((document) => toDocumentRecord(document, row.name));
    });
  }

  async deleteDocument(collection: string, documentId: string): Promise<boolean> {
    return this.run(() => {
      const row = this.findCollection(collection);
      if (!row) return false;
      this.loadVectorIndex(row);
      const outcome = this.database
        .transaction(() => deleteDocumentRows(this.database, requireCollection(this.database, collection), documentId))
        .immediate();
      if (outcome.vectorChange) this.vectorIndexes.apply(outcome.vectorChange);
      return outcome.deleted;
    });
  }

  async getChunks(collection: string, chunkIds: string[]): Promise<Chunk[]> {
    return this.run(() => selectChunks(this.database, this.requireCollection(collection), chunkIds));
  }

  async listDocumentChunks(collection: string, documentId: string): Promise<Chunk[]> {
    return this.run(() => selectDocumentChunks(this.database, this.requireCollection(collection), documentId));
  }

  async searchLexical(collection: string, query: string, options: StoreSearchOptions): Promise<ScoredChunkId[]> {
    return this.run(() => {
      assertSearchOptions(options);
      const row = this.requireCollection(collection);
      return searchLexical(this.database, row.id, String(query ?? ''), options.k, options.filter);
    });
  }

  async searchVector(collection: string, vector: Float32Array, options: StoreSearchOptions): Promise<ScoredChunkId[]> {
    return this.run(() => {
      assertSearchOptions(options);
      const row = this.requireCollection(collection);
      assertQueryVector(vector, row.embedding_dimensions ?? undefined, row.name);
      const index = this.vectorIndexes.indexFor(row);
      if (!index) return [];
      return searchVector(this.database, {
        collectionId: row.id,
        index,
        vector,
        k: options.k,
        filter: options.filter,
        exactSearchLimit: this.exactSearchLimit,
        allowedLabels: this.allowedLabels,
      });
    });
  }

  async rebuildIndexes(collection?: string): Promise<IndexRebuildReport[]> {
    return this.run(() => {
      const rows = collection === undefined ? listCollectionRows(this.database) : [this.requireCollection(collection)];
      return rows.map((row) => {
        const chunks = this.database.transaction(() => rebuildFtsTable(this.database, row.id)).immediate();
        const vectors = this.vectorIndexes.rebuildNow(row, 'rebuild requested');
        const { documentCount } = toCollectionInfo(this.database, row);
        return { collection: row.name, documents: documentCount, chunks, vectors };
      });
    });
  }

  async verifyIntegrity(): Promise<IntegrityReport> {
    return this.run(() => verifyIntegrity(this.database, (row) => this.vectorIndexes.indexFor(row)));
  }

  async resetEmbeddings(collection: string, model: StoredEmbeddingModel): Promise<void> {
    return this.run(() => {
      assertStoredEmbeddingModel(model);
      const row = this.requireCollection(collection);
      this.database.transaction(() => resetEmbeddingRows(this.database, row, model)).immediate();
      this.vectorIndexes.forget(row.id);
    });
  }

  async chunksWithoutEmbeddings(collection: string, limit: number): Promise<ChunksToEmbed> {
    return this.run(() => chunksWithoutEmbeddings(this.database, this.requireCollection(collection).id, limit));
  }

  async setEmbeddings(collection: string, embeddings: ChunkEmbedding[], model: StoredEmbeddingModel): Promise<number> {
    return this.run(() => {
      assertStoredEmbeddingModel(model);
      assertChunkEmbeddings(embeddings, model);
      this.loadVectorIndex(this.requireCollection(collection));
      const outcome = this.database
        .transaction(() => {
          const row = requireCollection(this.database, collection);
          return storeEmbeddings(this.database, row, embeddings, model);
        })
        .immediate();
      if (outcome.vectorChange) this.vectorIndexes.apply(outcome.vectorChange);
      return outcome.stored;
    });
  }

  async dropMalformedEmbeddings(collection: string): Promise<MalformedEmbeddingReport> {
    return this.run(() => {
      this.requireCollection(collection);
      const report = this.database
        .transaction(() => dropMalformedEmbeddingRows(this.database, requireCollection(this.database, collection)))
        .immediate();
      if (report.chunks > 0) this.vectorIndexes.forget(requireCollection(this.database, collection).id);
      return report;
    });
  }

  /** Saves every vector index with unsaved changes now, instead of after the save delay. */
  async flush(): Promise<void> {
    return this.run(() => this.vectorIndexes.flush());
  }

  /** Assistants and their versions, kept in this store's database; usable until the store closes. */
  assistantStore(): SqliteAssistantStore {
    return new SqliteAssistantStore(this.database, () => this.closed);
  }

  /** API keys (hashes, roles, scopes), kept in this store's database; usable until the store closes. */
  apiKeyStore(): SqliteApiKeyStore {
    return new SqliteApiKeyStore(this.database, () => this.closed);
  }

  /** Conversations, messages and feedback, kept in this store's database; usable until the store closes. */
  conversationStore(): SqliteConversationStore {
    return new SqliteConversationStore(this.database, () => this.closed);
  }

  /** Saves the vector indexes and closes the database. Calling it again does nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      this.vectorIndexes.close();
    } finally {
      this.database.close();
    }
  }

  /** Same as {@link SqliteKnowledgeStore.close}, for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  private findCollection(name: string): CollectionRow | undefined {
    assertCollectionName(name);
    return findCollection(this.database, name);
  }

  private requireCollection(name: string): CollectionRow {
    assertCollectionName(name);
    return requireCollection(this.database, name);
  }

  /** Loads (or rebuilds) a collection's index before a write changes it, so the write applies as a delta. */
  private loadVectorIndex(row: CollectionRow | undefined): void {
    if (row) this.vectorIndexes.indexFor(row);
  }

  private run<T>(operation: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new AndesError('storage_error', 'The knowledge store is closed'));
    try {
      return Promise.resolve(operation());
    } catch (error) {
      if (!isDamageError(error)) return Promise.reject(toAndesError(error, 'storage_error'));
      // Damage met while serving: refuse clearly, and stay unhealthy so readiness checks fail until repaired.
      const damage =
        AndesError.isInstance(error) && error.code === 'store_corrupt'
          ? error
          : storeCorruptError(`The database is damaged (${String(error)})`, { cause: error });
      this.damage ??= damage;
      return Promise.reject(damage);
    }
  }
}
