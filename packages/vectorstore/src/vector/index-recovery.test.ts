import { copyFileSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KnowledgeStore } from '@andes-rag/core';
import { randomUnitVector } from '@andes-rag/store-conformance';
import { SqliteKnowledgeStore } from '../store/sqlite-knowledge-store.js';
import { RecordingLogger } from '../test-support/recording-logger.js';
import { sampleCorpus, sampleDimensions } from '../test-support/sample-corpus.js';
import { temporaryDataDir } from '../test-support/temporary-store.js';

const queryVectors = [1, 2, 3, 4].map((seed) => randomUnitVector(sampleDimensions, 500 + seed));

async function vectorResults(store: KnowledgeStore): Promise<unknown> {
  return Promise.all(queryVectors.map((vector) => store.searchVector('docs', vector, { k: 8 })));
}

describe('vector index recovery', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let indexFile: string;
  let sidecarFile: string;

  beforeEach(async () => {
    ({ dataDir, cleanup } = await temporaryDataDir());
    indexFile = path.join(dataDir, 'indexes', 'collection-1.hnsw');
    sidecarFile = path.join(dataDir, 'indexes', 'collection-1.json');
  });
  afterEach(async () => {
    await cleanup();
  });

  async function seed(documents: number): Promise<unknown> {
    await using store = await SqliteKnowledgeStore.open({ dataDir });
    for (const write of sampleCorpus(documents)) await store.putDocument(write);
    return vectorResults(store);
  }

  async function reopen(): Promise<{ results: unknown; reasons: string[] }> {
    const logger = new RecordingLogger();
    await using store = await SqliteKnowledgeStore.open({ dataDir, logger });
    const results = await vectorResults(store);
    return { results, reasons: logger.rebuildReasons() };
  }

  it('detects a truncated index file and rebuilds it from SQLite', async () => {
    const expected = await seed(40);
    truncateSync(indexFile, Math.floor(readFileSync(indexFile).byteLength / 2));
    expect(await reopen()).toEqual({ results: expected, reasons: ['corrupt: checksum mismatch'] });
    expect(await reopen()).toEqual({ results: expected, reasons: [] });
  });

  it('detects garbled bytes in the index file and rebuilds it', async () => {
    const expected = await seed(40);
    const bytes = readFileSync(indexFile);
    for (let offset = 64; offset < bytes.byteLength; offset += 97) bytes[offset] = 0xff;
    writeFileSync(indexFile, bytes);
    expect(await reopen()).toEqual({ results: expected, reasons: ['corrupt: checksum mismatch'] });
  });

  it('rebuilds a stale index: an older file whose generation SQLite has moved past', async () => {
    await seed(20);
    copyFileSync(indexFile, `${indexFile}.old`);
    copyFileSync(sidecarFile, `${sidecarFile}.old`);
    const expected = await seed(40);
    copyFileSync(`${indexFile}.old`, indexFile);
    copyFileSync(`${sidecarFile}.old`, sidecarFile);
    rmSync(`${indexFile}.old`);
    rmSync(`${sidecarFile}.old`);
    const { results, reasons } = await reopen();
    expect(results).toEqual(expected);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^stale: generation \d+, expected \d+$/);
  });

  it('rebuilds a missing index file or sidecar', async () => {
    const expected = await seed(20);
    rmSync(indexFile);
    expect(await reopen()).toEqual({ results: expected, reasons: ['index file missing'] });
    rmSync(sidecarFile);
    expect(await reopen()).toEqual({ results: expected, reasons: ['missing or unreadable sidecar'] });
  });

  it('recovers writes whose index was never saved (a crash before the save)', async () => {
    const abandoned = await SqliteKnowledgeStore.open({ dataDir, indexSaveDelayMs: 60_000 });
    for (const write of sampleCorpus(10)) await abandoned.putDocument(write);
    await abandoned.flush();
    for (const write of sampleCorpus(25).slice(10)) await abandoned.putDocument(write);
    const expected = await vectorResults(abandoned);

    const { results, reasons } = await reopen();
    expect(results).toEqual(expected);
    expect(reasons[0]).toMatch(/^stale/);
    await abandoned.close();
  });

  it('notices when another connection changed the vectors and reloads them', async () => {
    await seed(5);
    await using reader = await SqliteKnowledgeStore.open({ dataDir });
    const [probe] = sampleCorpus(6).slice(5);
    const before = await reader.searchVector('docs', probe!.embeddings![0]!, { k: 1 });
    await using writer = await SqliteKnowledgeStore.open({ dataDir });
    await writer.putDocument(probe!);
    const after = await reader.searchVector('docs', probe!.embeddings![0]!, { k: 1 });
    expect(after[0]!.chunkId).not.toBe(before[0]!.chunkId);
    expect(after[0]!.score).toBeCloseTo(1, 4);
  });
});
