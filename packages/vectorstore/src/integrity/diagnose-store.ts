import { AndesError, type IntegrityReport } from '@andes-rag/core';
import { SqliteKnowledgeStore } from '../store/sqlite-knowledge-store.js';
import type { CheckupProblem, StoreCheckup } from './store-checkup.js';

/**
 * Checks a data directory without changing anything in it: the open-time checks with SQLite's `quick_check` of
 * every page, then the integrity check of every collection and index (stale vector indexes are rebuilt in memory
 * only). A store that cannot even be opened reports why.
 */
export async function diagnoseStore(dataDir: string): Promise<StoreCheckup> {
  const problems: CheckupProblem[] = [];
  let integrity: IntegrityReport | undefined;
  try {
    const store = await SqliteKnowledgeStore.open({ dataDir, readOnly: true, check: 'full' });
    try {
      integrity = await store.verifyIntegrity();
      for (const problem of integrity.problems) {
        const where = problem.collection === undefined ? '' : `collection "${problem.collection}": `;
        problems.push({ check: problem.check, message: `${where}${problem.message}` });
      }
    } finally {
      await store.close();
    }
  } catch (error) {
    if (!AndesError.isInstance(error)) throw error;
    problems.push({ check: error.code, message: error.message });
  }
  return {
    healthy: problems.length === 0,
    problems,
    repaired: false,
    actions: [],
    lostDocuments: [],
    droppedVectors: [],
    unreadableRows: 0,
    movedAside: [],
    integrity,
  };
}
