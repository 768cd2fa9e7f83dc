import { existsSync } from 'node:fs';
import path from 'node:path';
import { AndesError, noopLogger, type DocumentWrite, type Logger } from '@andes-rag/core';
import type { ImportCount, PostgresKnowledgeStore } from '@andes-rag/store-postgres';
import { openEmbeddedStoreExport, SqliteKnowledgeStore, type EmbeddedStoreExport } from '@andes-rag/vectorstore';
import {
  exportedRecordFingerprints,
  sameTally,
  tallyExportedCollection,
  tallyStoredCollection,
  verifyRecords,
  type CollectionVerification,
  type RecordVerification,
} from './migration-verification.js';

/** Options of {@link migrateStore}. */
export interface MigrateStoreOptions {
  /** The embedded store's data directory (holding `andes.db`). */
  from: string;
  /** The PostgreSQL store's `postgres://` URL. */
  to: string;
  /** Documents written per transaction. Default 32. */
  batchSize?: number;
  /** Called after each batch of documents. */
  onProgress?: (progress: MigrationProgress) => void;
  /** Default: logs nothing. */
  logger?: Logger;
}

/** Progress of a migration, reported after each batch of documents. */
export interface MigrationProgress {
  collection: string;
  /** Documents of this collection handled so far (copied or already there). */
  done: number;
  total: number;
}

/** What a migration did to one collection. */
export interface CollectionMigration {
  collection: string;
  /** Documents written (new, or changed since an earlier run). */
  copied: number;
  /** Documents already in the target with the same content hash, tags and access: left as they were. */
  unchanged: number;
  /** Documents copied without vectors because some of their chunks had none (`andes reindex` embeds them). */
  withoutVectors: number;
}

/** What {@link migrateStore} did, and how the copy compares with the original. */
export interface MigrationReport {
  collections: CollectionMigration[];
  apiKeys: ImportCount;
  assistants: ImportCount;
  conversations: ImportCount;
  verification: {
    collections: CollectionVerification[];
    records: RecordVerification[];
    /** True when every count and checksum agrees. */
    ok: boolean;
  };
  /** What the copy does not carry over, for people. */
  notMigrated: string[];
}

/** Limits of a migration, printed with every report. */
export const migrationLimits: readonly string[] = [
  'document and chunk ids: the PostgreSQL store gives documents and chunks new ids, so citations kept in ' +
    'conversation messages name ids that no longer resolve',
  'document text is not kept by either store beyond its chunks; ingestion times become the time of the copy',
];

/**
 * Copies an embedded store (SQLite + hnswlib under `from`) into the PostgreSQL store at `to`: collections with their
 * chunk sizes, documents with chunks, tags, access lists and embeddings (no re-embedding), API keys (hashes as
 * stored), assistants with every version and the live one, conversations with messages and feedback. Resumable: a
 * document already there with the same content hash, and a key, assistant or conversation already there with the
 * same id, is left alone, so a second run after an interruption continues and duplicates nothing. Ends by comparing
 * counts and checksums of both sides.
 */
export async function migrateStore(options: MigrateStoreOptions): Promise<MigrationReport> {
  const logger = options.logger ?? noopLogger;
  if (!/^postgres(ql)?:\/\//.test(options.to)) {
    throw new AndesError('invalid_request', `--to must be a postgres:// URL, got ${JSON.stringify(options.to)}`);
  }
  if (!existsSync(path.join(options.from, 'andes.db'))) {
    throw new AndesError('invalid_request', `No embedded store in ${JSON.stringify(options.from)} (no andes.db there)`);
  }
  // Opening the embedded store checks its file and brings an older schema up to date before the raw export reads it.
  await (await SqliteKnowledgeStore.open({ dataDir: options.from, logger, check: 'structure' })).close();
  // Imported here, so that only migrations load the PostgreSQL driver (the runtime's index exports this function).
  const {
    connectPostgres,
    importApiKeys,
    importAssistants,
    importConversations,
    PostgresKnowledgeStore,
    readRecordFingerprints,
  } = await import('@andes-rag/store-postgres');
  const source = openEmbeddedStoreExport(options.from);
  try {
    const connection = connectPostgres(options.to);
    const target = await PostgresKnowledgeStore.open({ connection, logger });
    try {
      const collections = [];
      for (const collection of source.collections()) {
        collections.push(await copyCollection(source, target, collection.name, collection.chunkSize, options));
      }
      const apiKeys = await importApiKeys(connection, source.apiKeys());
      const assistants = await importAssistants(connection, source.assistants());
      const conversations = await importConversations(connection, source.conversations());
      const integrity = await target.verifyIntegrity();
      const verifiedCollections: CollectionVerification[] = [];
      for (const collection of source.collections()) {
        const sourceTally = tallyExportedCollection(source, collection.name);
        const stored = integrity.collections.find((entry) => entry.collection === collection.name);
        const targetTally = stored && (await tallyStoredCollection(target, collection.name, stored.embeddedChunks));
        verifiedCollections.push({
          collection: collection.name,
          source: sourceTally,
          target: targetTally,
          ok: sameTally(sourceTally, targetTally),
        });
      }
      const records = verifyRecords(exportedRecordFingerprints(source), await readRecordFingerprints(connection));
      const ok = verifiedCollections.every((entry) => entry.ok) && records.every((entry) => entry.ok);
      return {
        collections,
        apiKeys,
        assistants,
        conversations,
        verification: { collections: verifiedCollections, records, ok },
        notMigrated: [...migrationLimits],
      };
    } finally {
      await target.close();
    }
  } finally {
    source.close();
  }
}

async function copyCollection(
  source: EmbeddedStoreExport,
  target: PostgresKnowledgeStore,
  collection: string,
  chunkSize: number | undefined,
  options: MigrateStoreOptions,
): Promise<CollectionMigration> {
  const existing = await target.getCollection(collection);
  // A chunk size is recorded only while the collection holds no documents (or already has the same one).
  const settings = chunkSize !== undefined && (existing?.documentCount ?? 0) === 0 ? { chunkSize } : {};
  await target.ensureCollection(collection, settings);
  const embeddingModel = source.collections().find((entry) => entry.name === collection)?.embeddingModel;
  const documents = source.documents(collection);
  const report: CollectionMigration = { collection, copied: 0, unchanged: 0, withoutVectors: 0 };
  const batchSize = options.batchSize ?? 32;
  for (let start = 0; start < documents.length; start += batchSize) {
    const writes: DocumentWrite[] = documents.slice(start, start + batchSize).map((document) => {
      const chunks = source.chunks(document.id);
      const embeddings = chunks.map((chunk) => chunk.embedding);
      const complete = chunks.length > 0 && embeddings.every((vector) => vector !== undefined);
      if (!complete && chunks.length > 0) report.withoutVectors += 1;
      return {
        collection,
        document: {
          source: document.source,
          title: document.title,
          mediaType: document.mediaType,
          text: '',
          contentHash: document.contentHash,
          warnings: document.warnings as NonNullable<DocumentWrite['document']['warnings']>,
          tags: document.tags,
          ...(document.access === undefined ? {} : { access: document.access }),
        },
        chunks: chunks.map((chunk) => ({
          index: chunk.index,
          text: chunk.text,
          headingPath: chunk.headingPath,
          startOffset: chunk.startOffset,
          endOffset: chunk.endOffset,
          ...(chunk.page === undefined ? {} : { page: chunk.page }),
        })),
        ...(complete
          ? {
              embeddings: embeddings as Float32Array[],
              ...(embeddingModel === undefined ? {} : { embeddingModel }),
            }
          : {}),
      };
    });
    const results = await target.putDocuments(writes);
    for (const result of results) {
      if (result.status === 'unchanged') report.unchanged += 1;
      else report.copied += 1;
    }
    options.onProgress?.({ collection, done: Math.min(start + batchSize, documents.length), total: documents.length });
  }
  return report;
}
