import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteKnowledgeStore } from '@andes-rag/vectorstore';

/** A real SQLite knowledge store in a fresh temporary folder; `cleanup` closes it and removes the folder. */
export async function openTemporaryStore(): Promise<{ store: SqliteKnowledgeStore; cleanup: () => Promise<void> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'andes-retrieval-'));
  const store = await SqliteKnowledgeStore.open({ dataDir });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
