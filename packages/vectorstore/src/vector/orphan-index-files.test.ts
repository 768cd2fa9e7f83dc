import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteKnowledgeStore } from '../store/sqlite-knowledge-store.js';
import { temporaryDataDir } from '../test-support/temporary-store.js';

describe('stray files in the index folder', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dataDir, cleanup } = await temporaryDataDir()));
  afterEach(async () => cleanup());

  it('removes temporary files of killed saves and files of unknown collections, keeping live saves', async () => {
    const indexes = path.join(dataDir, 'indexes');
    mkdirSync(indexes, { recursive: true });
    // A process id above Linux's largest possible one (2^22) belongs to no process.
    const killed = path.join(indexes, 'collection-1.hnsw.4194399.0a1b2c3d.tmp');
    const killedSidecar = path.join(indexes, 'collection-1.json.4194399.0a1b2c3e.tmp');
    const live = path.join(indexes, `collection-1.hnsw.${process.ppid}.0a1b2c3f.tmp`);
    const orphan = path.join(indexes, 'collection-7.hnsw');
    for (const file of [killed, killedSidecar, live, orphan]) writeFileSync(file, 'partial');

    const store = await SqliteKnowledgeStore.open({ dataDir });
    await store.close();
    expect([killed, killedSidecar, live, orphan].map((file) => existsSync(file))).toEqual([false, false, true, false]);
  });
});
