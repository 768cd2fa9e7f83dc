import { AndesError, type DocumentWrite, type DocumentWriteResult, type KnowledgeStore } from '@andes-rag/core';

/** What became of one write of a group: its result, or the error that refused it alone. */
export type CommitOutcome = { result: DocumentWriteResult } | { error: AndesError };

/**
 * Stores `writes` in order with one durable commit when the store offers `putDocuments` (group commit: one fsync for
 * the batch instead of one per document), else one `putDocument` each. When the group is refused, each write is
 * tried alone, so only the writes at fault fail and the others are stored. Resolves only once every stored write is
 * committed.
 *
 * @throws AndesError `storage_error` (or any error that is not an AndesError) from a write tried alone: the store
 *   itself failed, not one document.
 */
export async function commitWrites(store: KnowledgeStore, writes: DocumentWrite[]): Promise<CommitOutcome[]> {
  if (writes.length === 0) return [];
  if (store.putDocuments && writes.length > 1) {
    try {
      return (await store.putDocuments(writes)).map((result) => ({ result }));
    } catch {
      // One write spoiled the group (nothing of it was stored): find it by storing them one by one.
    }
  }
  const outcomes: CommitOutcome[] = [];
  for (const write of writes) {
    try {
      outcomes.push({ result: await store.putDocument(write) });
    } catch (error) {
      if (!AndesError.isInstance(error) || error.code === 'storage_error' || error.code === 'internal_error')
        throw error;
      outcomes.push({ error });
    }
  }
  return outcomes;
}
