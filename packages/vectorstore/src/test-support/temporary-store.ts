import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteKnowledgeStore } from '../store/sqlite-knowledge-store.js';
import type { SqliteKnowledgeStoreOptions } from '../store/store-options.js';

/** A fresh data directory under the system temp folder; `cleanup` removes it. */
export async function temporaryDataDir(): Promise<{ dataDir: string; cleanup: () => Promise<void> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'andes-vectorstore-'));
  return { dataDir, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
}

/** Opens a store in a fresh data directory; `cleanup` closes it and removes the directory. */
export async function openTemporaryStore(
  options: Omit<SqliteKnowledgeStoreOptions, 'dataDir'> = {},
): Promise<{ store: SqliteKnowledgeStore; dataDir: string; cleanup: () => Promise<void> }> {
  const directory = await temporaryDataDir();
  const store = await SqliteKnowledgeStore.open({ ...options, dataDir: directory.dataDir });
  return {
    store,
    dataDir: directory.dataDir,
    cleanup: async () => {
      await store.close();
      await directory.cleanup();
    },
  };
}
