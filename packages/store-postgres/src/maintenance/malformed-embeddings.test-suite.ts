import { describe, expect, it } from 'vitest';
import { documentWrite, expectAndesError, randomUnitVector } from '@andes-rag/store-conformance';
import { openPgliteStore } from '../test-support/shared-pglite.js';

/** `dropMalformedEmbeddings` on PGlite: vectors of the wrong size go, re-embedding and the HNSW index come back. */
export function describeMalformedEmbeddings(): void {
  describe('dropMalformedEmbeddings', () => {
    it('drops only the vectors of the wrong size, reports their sources and rebuilds the HNSW index', async () => {
      const { store, database, cleanup } = await openPgliteStore();
      const hnswIndexes = async () =>
        (
          await database.query<{ name: string }>(
            "SELECT indexname AS name FROM pg_indexes WHERE indexname LIKE 'chunks_hnsw_%'",
          )
        ).rows.map((row) => row.name);
      try {
        for (const [seed, source] of ['b.md', 'a.md'].entries()) {
          await store.putDocument(
            documentWrite({
              source,
              chunks: [
                { text: `quokka ${source}`, vector: randomUnitVector(8, seed * 2 + 1) },
                { text: `heron ${source}`, vector: randomUnitVector(8, seed * 2 + 2) },
              ],
            }),
          );
        }
        // Damage as from outside the store: the index (which would refuse the value) dropped, then three numbers.
        const [index] = await hnswIndexes();
        expect(index).toMatch(/^chunks_hnsw_\d+$/);
        await database.exec(`DROP INDEX ${index}`);
        await database.exec("UPDATE chunks SET embedding = ARRAY[1, 2, 3]::real[] WHERE text LIKE 'quokka%'");
        expect((await store.verifyIntegrity()).problems.map((problem) => problem.check)).toEqual([
          'malformed-embedding',
        ]);

        expect(await store.dropMalformedEmbeddings('docs')).toEqual({
          collection: 'docs',
          chunks: 2,
          sources: ['a.md', 'b.md'],
        });
        expect(await store.verifyIntegrity()).toMatchObject({ ok: true });
        const waiting = await store.chunksWithoutEmbeddings('docs', 10);
        expect(waiting.chunks.map((chunk) => chunk.text).sort()).toEqual(['quokka a.md', 'quokka b.md']);
        expect(await hnswIndexes()).toEqual([index]);
        expect(await store.dropMalformedEmbeddings('docs')).toEqual({ collection: 'docs', chunks: 0, sources: [] });
        await expectAndesError(store.dropMalformedEmbeddings('missing'), 'collection_not_found');
      } finally {
        await cleanup();
      }
    });
  });
}
