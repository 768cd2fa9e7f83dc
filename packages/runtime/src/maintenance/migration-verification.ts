import { createHash } from 'node:crypto';
import type { KnowledgeStore, KnowledgeStoreMaintenance } from '@andes-rag/core';
import type { RecordFingerprints } from '@andes-rag/store-postgres';
import type { EmbeddedStoreExport } from '@andes-rag/vectorstore';

/** What one side of a migration holds in one collection, with checksums to compare. */
export interface CollectionTally {
  documents: number;
  chunks: number;
  /** Chunks that have an embedding. */
  vectors: number;
  /** SHA-256 over each document's source, content hash, tags and access list, in source order. */
  documentChecksum: string;
  /** SHA-256 over each chunk's source, position and text, in source then position order. */
  chunkChecksum: string;
}

/** One collection compared on both sides of a migration. */
export interface CollectionVerification {
  collection: string;
  source: CollectionTally;
  target: CollectionTally | undefined;
  ok: boolean;
}

/** One kind of record (API keys, assistants, conversations) compared on both sides of a migration. */
export interface RecordVerification {
  kind: 'api keys' | 'assistants' | 'conversations';
  sourceCount: number;
  targetCount: number;
  /** SHA-256 over the records' fingerprints (see `RecordFingerprints` of `@andes-rag/store-postgres`). */
  sourceChecksum: string;
  targetChecksum: string;
  ok: boolean;
}

interface DocumentLine {
  source: string;
  contentHash: string;
  tags?: string[] | undefined;
  access?: string[] | undefined;
}

function checksum(lines: string[]): string {
  const hash = createHash('sha256');
  for (const line of lines) hash.update(`${line}\n`);
  return hash.digest('hex').slice(0, 16);
}

function bySource<T extends { source: string }>(left: T, right: T): number {
  return left.source < right.source ? -1 : left.source > right.source ? 1 : 0;
}

function documentLine(document: DocumentLine): string {
  const labels = (values: string[] | undefined) => JSON.stringify([...(values ?? [])].sort());
  return [document.source, document.contentHash, labels(document.tags), labels(document.access)].join('\t');
}

function tally(
  documents: DocumentLine[],
  chunks: Array<{ source: string; texts: string[] }>,
  vectors: number,
): CollectionTally {
  const sortedChunks = [...chunks].sort(bySource);
  return {
    documents: documents.length,
    chunks: sortedChunks.reduce((sum, entry) => sum + entry.texts.length, 0),
    vectors,
    documentChecksum: checksum([...documents].sort(bySource).map(documentLine)),
    chunkChecksum: checksum(
      sortedChunks.flatMap((entry) => entry.texts.map((text, index) => `${entry.source}\t${index}\t${text}`)),
    ),
  };
}

/** Counts and checksums of one collection of the embedded store being copied. */
export function tallyExportedCollection(source: EmbeddedStoreExport, collection: string): CollectionTally {
  const documents = source.documents(collection);
  let vectors = 0;
  const chunks = documents.map((document) => {
    const rows = source.chunks(document.id);
    vectors += rows.filter((row) => row.embedding !== undefined).length;
    return { source: document.source, texts: rows.map((row) => row.text) };
  });
  return tally(documents, chunks, vectors);
}

/** Counts and checksums of one collection of the target store, read through its public interfaces. */
export async function tallyStoredCollection(
  store: KnowledgeStore & KnowledgeStoreMaintenance,
  collection: string,
  vectors: number,
): Promise<CollectionTally> {
  const documents = await store.listDocuments(collection);
  const chunks = [];
  for (const document of documents) {
    const stored = (await store.listDocumentChunks?.(collection, document.id)) ?? [];
    chunks.push({ source: document.source, texts: stored.map((chunk) => chunk.text) });
  }
  return tally(documents, chunks, vectors);
}

/** True when both tallies agree on every count and checksum. */
export function sameTally(left: CollectionTally, right: CollectionTally | undefined): boolean {
  return right !== undefined && JSON.stringify(left) === JSON.stringify(right);
}

/** Compares the fingerprints of API keys, assistants and conversations on both sides. */
export function verifyRecords(source: RecordFingerprints, target: RecordFingerprints): RecordVerification[] {
  const kinds = [
    ['api keys', 'apiKeys'],
    ['assistants', 'assistants'],
    ['conversations', 'conversations'],
  ] as const;
  return kinds.map(([kind, field]) => {
    const sourceLines = [...source[field]].sort();
    const targetLines = [...target[field]].sort();
    const sourceChecksum = checksum(sourceLines);
    const targetChecksum = checksum(targetLines);
    return {
      kind,
      sourceCount: sourceLines.length,
      targetCount: targetLines.length,
      sourceChecksum,
      targetChecksum,
      ok: sourceLines.length === targetLines.length && sourceChecksum === targetChecksum,
    };
  });
}

/** The embedded store's API keys, assistants and conversations as {@link RecordFingerprints}. */
export function exportedRecordFingerprints(source: EmbeddedStoreExport): RecordFingerprints {
  return {
    apiKeys: source.apiKeys().map((key) => `${key.id} ${key.keyHash} ${key.role}`),
    assistants: source
      .assistants()
      .map((assistant) => `${assistant.name} ${assistant.liveVersion} ${assistant.versions.length}`),
    conversations: source
      .conversations()
      .map(
        (conversation) =>
          `${conversation.id} ${conversation.messages.length} ${conversation.messages.filter((message) => message.feedbackRating !== null).length}`,
      ),
  };
}
