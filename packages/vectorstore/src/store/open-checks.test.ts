import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentWrite, randomUnitVector } from '@andes-rag/store-conformance';
import { openRawDatabase } from '../test-support/raw-database.js';
import { temporaryDataDir } from '../test-support/temporary-store.js';
import { SqliteKnowledgeStore } from './sqlite-knowledge-store.js';

const page = (index: number) =>
  documentWrite({
    source: `handbook/page-${index}.md`,
    chunks: [
      { text: `Page ${index} names the quokka${index} rule.`, vector: randomUnitVector(8, 2 * index + 1) },
      { text: `Page ${index} also names the heron${index} rule.`, vector: randomUnitVector(8, 2 * index + 2) },
    ],
  });

async function storeWith(dataDir: string, indexes: number[]): Promise<void> {
  const store = await SqliteKnowledgeStore.open({ dataDir });
  for (const index of indexes) await store.putDocument(page(index));
  await store.close();
}

async function openError(options: Parameters<typeof SqliteKnowledgeStore.open>[0]) {
  return SqliteKnowledgeStore.open(options).then(
    async (store) => {
      await store.close();
      return undefined;
    },
    (error: { code: string; message: string }) => error,
  );
}

describe('checks when the store opens', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dataDir, cleanup } = await temporaryDataDir()));
  afterEach(async () => cleanup());
  const databaseFile = () => path.join(dataDir, 'andes.db');

  it('refuses an empty andes.db instead of starting a new store, and leaves the index files alone', async () => {
    await storeWith(dataDir, [1, 2]);
    truncateSync(databaseFile(), 0);
    const indexFiles = readdirSync(path.join(dataDir, 'indexes')).sort();
    for (const readOnly of [true, false]) {
      expect(await openError({ dataDir, readOnly })).toMatchObject({
        code: 'store_corrupt',
        message: /empty \(0 bytes\)/,
      });
    }
    expect(statSync(databaseFile()).size).toBe(0);
    expect(readdirSync(path.join(dataDir, 'indexes')).sort()).toEqual(indexFiles);
  });

  it('opens a missing store read-only as empty, creating nothing', async () => {
    const missing = path.join(dataDir, 'never-created');
    const store = await SqliteKnowledgeStore.open({ dataDir: missing, readOnly: true });
    expect(await store.listCollections()).toEqual([]);
    await store.close();
    expect(existsSync(missing)).toBe(false);
  });

  it('refuses a foreign SQLite database without changing a byte of it', async () => {
    const foreign = new Database(databaseFile());
    foreign.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('not Andes')");
    foreign.close();
    const before = readFileSync(databaseFile());
    expect(await openError({ dataDir })).toMatchObject({ code: 'store_foreign' });
    expect(Buffer.compare(readFileSync(databaseFile()), before)).toBe(0);
  });

  it('refuses an older copy of the database under newer index files, naming the documents to ingest again', async () => {
    await storeWith(dataDir, [1, 2]);
    const backup = path.join(dataDir, 'backup.db');
    copyFileSync(databaseFile(), backup);
    await storeWith(dataDir, [3]);
    copyFileSync(backup, databaseFile());

    expect(await openError({ dataDir, readOnly: true })).toMatchObject({
      code: 'store_corrupt',
      message: /ingest again handbook\/page-3\.md/,
    });
    const accepted = await SqliteKnowledgeStore.open({ dataDir, acceptLostCommits: true });
    expect(accepted.lostCommitsFound().map((lost) => lost.lostDocuments.map((document) => document.source))).toEqual([
      ['handbook/page-3.md'],
    ]);
    await accepted.close();
  });

  it('refuses a store whose write-ahead log lost committed writes, before SQLite erases the evidence', async () => {
    const copy = path.join(dataDir, 'copy');
    const writer = await SqliteKnowledgeStore.open({ dataDir: path.join(dataDir, 'live') });
    try {
      for (const index of [1, 2, 3]) await writer.putDocument(page(index));
      // What a crash leaves, minus the log: the database file and the shared-memory index of the live writer.
      mkdirSync(copy);
      for (const name of ['andes.db', 'andes.db-shm'])
        copyFileSync(path.join(dataDir, 'live', name), path.join(copy, name));
    } finally {
      await writer.close();
    }
    const shm = readFileSync(path.join(copy, 'andes.db-shm'));
    expect(await openError({ dataDir: copy })).toMatchObject({
      code: 'store_corrupt',
      message: /write-ahead log andes\.db-wal is missing/,
    });
    expect(Buffer.compare(readFileSync(path.join(copy, 'andes.db-shm')), shm)).toBe(0);
  });

  it('turns damage met while serving into store_corrupt and an unhealthy store', async () => {
    await storeWith(dataDir, [1, 2, 3]);
    const raw = openRawDatabase(dataDir);
    const pages = raw
      .prepare("SELECT pageno FROM dbstat WHERE name = 'chunk_search_1_data' AND pagetype = 'leaf'")
      .pluck()
      .all() as number[];
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    const bytes = readFileSync(databaseFile());
    for (const number of pages) randomBytes(pageSize).copy(bytes, (number - 1) * pageSize);
    writeFileSync(databaseFile(), bytes);

    const store = await SqliteKnowledgeStore.open({ dataDir, readOnly: true });
    try {
      expect(store.health()).toEqual({ ok: true });
      await expect(store.searchLexical('docs', 'quokka1', { k: 3 })).rejects.toMatchObject({ code: 'store_corrupt' });
      expect(store.health()).toMatchObject({ ok: false, code: 'store_corrupt', message: /andes doctor/ });
    } finally {
      await store.close();
    }
  });

  it('skips malformed stored vectors in searches and rebuilds, and drops them on request', async () => {
    await storeWith(dataDir, [1, 2]);
    const raw = openRawDatabase(dataDir);
    raw.exec("UPDATE chunks SET embedding = randomblob(10) WHERE text LIKE '%quokka1 %'");
    raw.close();
    const store = await SqliteKnowledgeStore.open({ dataDir });
    try {
      expect(await store.rebuildIndexes()).toEqual([{ collection: 'docs', documents: 2, chunks: 4, vectors: 3 }]);
      const [nearest] = await store.searchVector('docs', randomUnitVector(8, 6), { k: 1 });
      expect((await store.getChunks('docs', [nearest!.chunkId]))[0]?.text).toMatch(/heron2/);
      expect((await store.verifyIntegrity()).problems.map((problem) => problem.check)).toEqual(['embedding-size']);
      expect(await store.dropMalformedEmbeddings('docs')).toEqual({
        collection: 'docs',
        chunks: 1,
        sources: ['handbook/page-1.md'],
      });
      expect(await store.verifyIntegrity()).toMatchObject({ ok: true });
    } finally {
      await store.close();
    }
  });
});
