import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUnitVector } from '@andes-rag/store-conformance';
import { SqliteKnowledgeStore } from '../store/sqlite-knowledge-store.js';
import { RecordingLogger } from '../test-support/recording-logger.js';
import { sampleCorpus, sampleDimensions } from '../test-support/sample-corpus.js';
import { temporaryDataDir } from '../test-support/temporary-store.js';

const queries = [1, 2, 3, 4, 5].map((seed) => randomUnitVector(sampleDimensions, 900 + seed));

describe('vector index compaction', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let indexFile: string;
  beforeEach(async () => {
    ({ dataDir, cleanup } = await temporaryDataDir());
    indexFile = path.join(dataDir, 'indexes', 'collection-1.hnsw');
  });
  afterEach(async () => cleanup());

  const compactions = (logger: RecordingLogger) =>
    logger.lines.filter((line) => line.message === 'Compacting vector index').length;

  it('rebuilds the index without deleted slots once they pass the threshold, and finds the same results', async () => {
    const logger = new RecordingLogger();
    const store = await SqliteKnowledgeStore.open({ dataDir, logger, indexSaveDelayMs: 60_000 });
    const stored = [];
    for (const write of sampleCorpus(400)) stored.push((await store.putDocument(write)).document);
    await store.flush();
    const fullSize = statSync(indexFile).size;

    // 20% deleted: under the default threshold (25%), so the slots are kept for later inserts.
    for (const document of stored.slice(0, 80)) await store.deleteDocument('docs', document.id);
    await store.flush();
    expect(compactions(logger)).toBe(0);
    expect(statSync(indexFile).size).toBe(fullSize);

    for (const document of stored.slice(80, 320)) await store.deleteDocument('docs', document.id);
    await store.flush();
    expect(compactions(logger)).toBe(1);
    expect(statSync(indexFile).size).toBeLessThan(fullSize / 2);
    const results = await Promise.all(queries.map((vector) => store.searchVector('docs', vector, { k: 10 })));
    expect(await store.verifyIntegrity()).toMatchObject({ ok: true });
    await store.close();

    // The compacted file is what a rebuild from SQLite gives, and it loads without one.
    const reopenedLogger = new RecordingLogger();
    const reopened = await SqliteKnowledgeStore.open({ dataDir, logger: reopenedLogger });
    expect(await Promise.all(queries.map((vector) => reopened.searchVector('docs', vector, { k: 10 })))).toEqual(
      results,
    );
    expect(reopenedLogger.rebuildReasons()).toEqual([]);
    await reopened.close();
    rmSync(indexFile);
    const rebuilt = await SqliteKnowledgeStore.open({ dataDir });
    expect(await Promise.all(queries.map((vector) => rebuilt.searchVector('docs', vector, { k: 10 })))).toEqual(
      results,
    );
    expect(readFileSync(indexFile).byteLength).toBeGreaterThan(0);
    await rebuilt.close();
  });

  it('rejects a threshold outside (0, 1]', async () => {
    for (const vectorCompactionThreshold of [0, -0.5, 1.5, Number.NaN]) {
      await expect(SqliteKnowledgeStore.open({ dataDir, vectorCompactionThreshold })).rejects.toMatchObject({
        code: 'invalid_request',
      });
    }
  });
});
