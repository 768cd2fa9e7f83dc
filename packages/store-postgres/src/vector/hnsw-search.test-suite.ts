import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentWrite, randomUnitVector } from '@andes-rag/store-conformance';
import type { PostgresKnowledgeStore } from '../store/postgres-knowledge-store.js';
import { openPgliteStore, sharedPglite } from '../test-support/shared-pglite.js';

const dimensions = 8;

async function indexNames(): Promise<string[]> {
  const { rows } = await (
    await sharedPglite()
  ).query<{ name: string }>("SELECT indexname AS name FROM pg_indexes WHERE indexname LIKE 'chunks_hnsw_%'");
  return rows.map((row) => row.name);
}

/** The pgvector path on PGlite: one HNSW index per collection, iterative scans under restrictive filters. */
export function describeHnswSearch(): void {
  describe('pgvector HNSW search (PGlite with pgvector)', () => {
    let opened: Awaited<ReturnType<typeof openPgliteStore>>;
    let store: PostgresKnowledgeStore;
    beforeEach(async () => {
      opened = await openPgliteStore();
      store = opened.store;
    });
    afterEach(async () => {
      await opened.database.exec('RESET enable_seqscan; RESET enable_sort');
      await opened.cleanup();
    });

    it('uses pgvector with iterative scans, and gives each collection with vectors its own index', async () => {
      expect(store.vectorSearchMode).toEqual({ pgvector: true, iterativeScan: true });
      await store.ensureCollection('empty');
      await store.putDocument(
        documentWrite({ source: 'a.md', chunks: [{ text: 'one', vector: randomUnitVector(dimensions, 1) }] }),
      );
      expect(await indexNames()).toEqual(['chunks_hnsw_2']);
      await store.deleteCollection('docs');
      expect(await indexNames()).toEqual([]);
    });

    it('returns k permitted hits through the index when the filter rejects almost every neighbour', async () => {
      // 300 chunks near the query, readable by group:a; 10 far ones readable by group:b. Through the HNSW index
      // (sequential scans and sorts off), a plain index scan would stop after ef_search candidates, all rejected.
      const near = (seed: number) =>
        randomUnitVector(dimensions, 1).map(
          (value, axis) => value + 0.1 * (randomUnitVector(dimensions, seed)[axis] ?? 0),
        );
      for (let batch = 0; batch < 10; batch++) {
        await store.putDocuments(
          Array.from({ length: 30 }, (_, position) =>
            documentWrite({
              source: `near/${batch}-${position}.md`,
              access: ['group:a'],
              chunks: [{ text: `near ${batch} ${position}`, vector: near(batch * 30 + position + 10) }],
            }),
          ),
        );
      }
      const far = Array.from({ length: 10 }, (_, position) => randomUnitVector(dimensions, 1000 + position));
      await store.putDocuments(
        far.map((vector, position) =>
          documentWrite({
            source: `far/${position}.md`,
            access: ['group:b'],
            chunks: [{ text: `far ${position}`, vector }],
          }),
        ),
      );
      await opened.database.exec('SET enable_seqscan = off; SET enable_sort = off');
      const hits = await store.searchVector('docs', randomUnitVector(dimensions, 1), {
        k: 10,
        filter: { principals: ['group:b'] },
      });
      const sources = (
        await store.getChunks(
          'docs',
          hits.map((hit) => hit.chunkId),
        )
      ).map((chunk) => chunk.source);
      expect(sources.sort()).toEqual(far.map((_, position) => `far/${position}.md`).sort());
      for (let position = 1; position < hits.length; position++) {
        expect(hits[position]!.score).toBeLessThanOrEqual(hits[position - 1]!.score);
      }
    });
  });
}
