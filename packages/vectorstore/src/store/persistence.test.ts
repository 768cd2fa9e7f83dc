import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KnowledgeStore } from '@andes-rag/core';
import { randomUnitVector } from '@andes-rag/store-conformance';
import { RecordingLogger } from '../test-support/recording-logger.js';
import { sampleCorpus, sampleDimensions } from '../test-support/sample-corpus.js';
import { temporaryDataDir } from '../test-support/temporary-store.js';
import { SqliteKnowledgeStore } from './sqlite-knowledge-store.js';

const queries = ['kerberos keytab', 'expense policy for laptops', 'vpn'];
const queryVectors = [1, 2, 3, 4, 5].map((seed) => randomUnitVector(sampleDimensions, 1000 + seed));

async function snapshot(store: KnowledgeStore): Promise<unknown> {
  return {
    lexical: await Promise.all(queries.map((query) => store.searchLexical('docs', query, { k: 10 }))),
    vector: await Promise.all(queryVectors.map((vector) => store.searchVector('docs', vector, { k: 10 }))),
    documents: await store.listDocuments('docs'),
    collections: await store.listCollections(),
  };
}

describe('SqliteKnowledgeStore persistence', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
  });

  it('finds the same results after close and reopen, loading the saved index without a rebuild', async () => {
    const directory = await temporaryDataDir();
    cleanup = directory.cleanup;
    const first = await SqliteKnowledgeStore.open({ dataDir: directory.dataDir });
    for (const write of sampleCorpus(30)) await first.putDocument(write);
    const { document } = await first.putDocument(sampleCorpus(31)[30]!);
    await first.deleteDocument('docs', document.id);
    const before = await snapshot(first);
    await first.close();
    await first.close();

    const files = readdirSync(path.join(directory.dataDir, 'indexes'));
    expect(files.sort()).toEqual(['collection-1.documents.json', 'collection-1.hnsw', 'collection-1.json']);
    const sidecar = JSON.parse(readFileSync(path.join(directory.dataDir, 'indexes', 'collection-1.json'), 'utf8'));
    expect(sidecar).toMatchObject({ format: 1, collectionId: 1, dimensions: sampleDimensions });

    const logger = new RecordingLogger();
    await using second = await SqliteKnowledgeStore.open({ dataDir: directory.dataDir, logger });
    expect(await snapshot(second)).toEqual(before);
    expect(logger.rebuildReasons()).toEqual([]);
  });

  it('rejects use after close with storage_error', async () => {
    const directory = await temporaryDataDir();
    cleanup = directory.cleanup;
    const store = await SqliteKnowledgeStore.open({ dataDir: directory.dataDir });
    await store.close();
    await expect(store.listCollections()).rejects.toMatchObject({ code: 'storage_error' });
  });

  it('reuses the slots of replaced vectors instead of growing the index file', async () => {
    const directory = await temporaryDataDir();
    cleanup = directory.cleanup;
    const store = await SqliteKnowledgeStore.open({ dataDir: directory.dataDir });
    const [write] = sampleCorpus(1);
    const sizes: number[] = [];
    for (let version = 0; version < 150; version++) {
      await store.putDocument({ ...write!, document: { ...write!.document, contentHash: `version-${version}` } });
      if (version % 50 === 49) {
        await store.flush();
        sizes.push(readFileSync(path.join(directory.dataDir, 'indexes', 'collection-1.hnsw')).byteLength);
      }
    }
    expect(new Set(sizes).size).toBe(1);
    expect(await store.searchVector('docs', write!.embeddings![0]!, { k: 10 })).toHaveLength(3);
    await store.close();
  });
});
