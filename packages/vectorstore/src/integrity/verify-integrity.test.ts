import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentWrite } from '@andes-rag/core';
import type { SqliteKnowledgeStore } from '../store/sqlite-knowledge-store.js';
import { openRawDatabase } from '../test-support/raw-database.js';
import { sampleCorpus } from '../test-support/sample-corpus.js';
import { openTemporaryStore } from '../test-support/temporary-store.js';

/** The corpus's write for a stored source, in the version the store holds (the first document was replaced). */
function sampleCorpusBySource(source: string): DocumentWrite {
  const write = sampleCorpus(12).find((candidate) => candidate.document.source === source)!;
  return source === 'team/0.md' ? { ...write, document: { ...write.document, contentHash: 'second version' } } : write;
}

describe('verifyIntegrity and rebuildIndexes', () => {
  let store: SqliteKnowledgeStore;
  let dataDir: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, dataDir, cleanup } = await openTemporaryStore());
    for (const write of sampleCorpus(12)) await store.putDocument(write);
    const replaced = sampleCorpus(1)[0]!;
    await store.putDocument({ ...replaced, document: { ...replaced.document, contentHash: 'second version' } });
    const { document } = await store.putDocument(sampleCorpus(13)[12]!);
    await store.deleteDocument('docs', document.id);
    await store.putDocument(sampleCorpus(2, 'other')[1]!);
  });
  afterEach(async () => cleanup());

  it('finds nothing wrong after puts, replacements and deletes, and counts every index', async () => {
    const report = await store.verifyIntegrity();
    expect(report).toEqual({
      ok: true,
      problems: [],
      collections: [
        { collection: 'docs', documents: 12, chunks: 36, embeddedChunks: 36, indexedVectors: 36, lexicalRows: 36 },
        { collection: 'other', documents: 1, chunks: 3, embeddedChunks: 3, indexedVectors: 3, lexicalRows: 3 },
      ],
    });
  });

  it('reports index rows whose record is gone, and a rebuild from the database clears them', async () => {
    const [hit] = await store.searchLexical('docs', 'kerberos keytab', { k: 1 });
    const raw = openRawDatabase(dataDir);
    try {
      // As a bug could: the chunk loses its embedding and another chunk its lexical row, behind the indexes' back.
      const rowid = raw.prepare('SELECT rowid FROM chunks WHERE id = ?').pluck().get(hit!.chunkId) as number;
      raw.prepare('UPDATE chunks SET embedding = NULL WHERE rowid = ?').run(rowid);
      raw.prepare('DELETE FROM chunk_search_1 WHERE rowid = ?').run(rowid + 1);
    } finally {
      raw.close();
    }
    const damaged = await store.verifyIntegrity();
    expect(damaged.ok).toBe(false);
    expect(damaged.problems.map((problem) => [problem.collection, problem.check, problem.count])).toEqual([
      ['docs', 'chunk-missing-from-lexical-index', 1],
      ['docs', 'vector-without-chunk', 1],
    ]);
    expect(damaged.problems[0]!.message).toMatch(/andes reindex/);

    expect(await store.rebuildIndexes('docs')).toEqual([
      { collection: 'docs', documents: 12, chunks: 36, vectors: 35 },
    ]);
    const repaired = await store.verifyIntegrity();
    expect(repaired.problems).toEqual([]);
    expect(repaired.collections[0]).toMatchObject({ embeddedChunks: 35, indexedVectors: 35, lexicalRows: 36 });
    const lexical = await store.searchLexical('docs', 'kerberos keytab', { k: 1 });
    expect(lexical.map((found) => found.chunkId)).toEqual([hit!.chunkId]);
  });

  it('rebuilds every collection when none is named: same vector results, BM25 statistics as if freshly built', async () => {
    const vector = sampleCorpus(4)[3]!.embeddings![1]!;
    const vectorBefore = await store.searchVector('docs', vector, { k: 5 });
    const reports = await store.rebuildIndexes();
    expect(reports.map((report) => report.collection)).toEqual(['docs', 'other']);
    expect(await store.searchVector('docs', vector, { k: 5 })).toEqual(vectorBefore);

    // Deletes in a contentless FTS5 table leave its BM25 statistics slightly off; a rebuild makes them exact again.
    const fresh = await openTemporaryStore();
    try {
      for (const write of (await store.listDocuments('docs')).map((document) =>
        sampleCorpusBySource(document.source),
      )) {
        await fresh.store.putDocument(write);
      }
      const scores = async (on: SqliteKnowledgeStore) =>
        (await on.searchLexical('docs', 'expense policy', { k: 36 })).map((found) => found.score);
      expect(await scores(store)).toEqual(await scores(fresh.store));
    } finally {
      await fresh.cleanup();
    }
    await expect(store.rebuildIndexes('missing')).rejects.toMatchObject({ code: 'collection_not_found' });
  });
});
