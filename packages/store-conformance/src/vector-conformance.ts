import { describe, expect, it } from 'vitest';
import {
  axisVector,
  documentWrite,
  expectAndesError,
  expectBestFirst,
  randomUnitVector,
  useStore,
  type OpenKnowledgeStore,
} from './conformance-fixtures.js';

/** Vector search: exact matches first, cosine scores, dimension checks, collections without vectors. */
export function describeVectorSearch(openStore: OpenKnowledgeStore): void {
  describe('vector search', () => {
    const context = useStore(openStore);

    it("returns the exact vector's chunk first, with cosine similarity 1, best first", async () => {
      const vectors = Array.from({ length: 40 }, (_, position) => randomUnitVector(16, position + 100));
      for (let document = 0; document < 8; document++) {
        const chunks = vectors
          .slice(document * 5, document * 5 + 5)
          .map((vector, position) => ({ text: `chunk ${document}-${position}`, vector }));
        await context.store.putDocument(documentWrite({ source: `doc-${document}.md`, chunks }));
      }
      for (const [position, vector] of vectors.entries()) {
        const hits = await context.store.searchVector('docs', vector, { k: 5 });
        expect(hits).toHaveLength(5);
        expectBestFirst(hits);
        expect(hits[0]!.score).toBeCloseTo(1, 4);
        const [chunk] = await context.store.getChunks('docs', [hits[0]!.chunkId]);
        expect(chunk?.text).toBe(`chunk ${Math.floor(position / 5)}-${position % 5}`);
      }
    });

    it('scores by cosine similarity, whatever the vector lengths', async () => {
      const scaled = Float32Array.from([3, 4, 0, 0]);
      await context.store.putDocument(
        documentWrite({
          source: 'a.md',
          chunks: [
            { text: 'along x', vector: axisVector(4, 0) },
            { text: 'along y', vector: axisVector(4, 1) },
            { text: 'mixed', vector: scaled },
          ],
        }),
      );
      const hits = await context.store.searchVector('docs', Float32Array.from([2, 0, 0, 0]), { k: 3 });
      expect(hits.map((hit) => Number(hit.score.toFixed(4)))).toEqual([1, 0.6, 0]);
    });

    it('returns at most k hits, or all there are', async () => {
      await context.store.putDocument(
        documentWrite({
          source: 'a.md',
          chunks: [0, 1, 2].map((axis) => ({ text: `axis ${axis}`, vector: axisVector(4, axis) })),
        }),
      );
      expect(await context.store.searchVector('docs', axisVector(4, 0), { k: 2 })).toHaveLength(2);
      expect(await context.store.searchVector('docs', axisVector(4, 0), { k: 100 })).toHaveLength(3);
      await expectAndesError(context.store.searchVector('docs', axisVector(4, 0), { k: 0 }), 'invalid_request');
    });

    it('rejects a query vector of the wrong dimensions, naming both', async () => {
      await context.store.putDocument(
        documentWrite({ source: 'a.md', chunks: [{ text: 'x', vector: axisVector(4, 0) }] }),
      );
      const error = await expectAndesError(
        context.store.searchVector('docs', randomUnitVector(6, 1), { k: 3 }),
        'invalid_request',
      );
      expect(error.message).toMatch(/\b6\b/);
      expect(error.message).toMatch(/\b4\b/);
    });

    it('finds nothing in a collection without vectors', async () => {
      await context.store.ensureCollection('empty');
      expect(await context.store.searchVector('empty', axisVector(4, 0), { k: 3 })).toEqual([]);
      await context.store.putDocument(documentWrite({ source: 'a.md', chunks: [{ text: 'no vector here' }] }));
      expect(await context.store.searchVector('docs', axisVector(4, 0), { k: 3 })).toEqual([]);
    });
  });
}
