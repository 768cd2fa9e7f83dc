import { describe, expect, it } from 'vitest';
import {
  axisVector,
  documentWrite,
  expectAndesError,
  useStore,
  type OpenKnowledgeStore,
} from './conformance-fixtures.js';

/** Collections: creation, listing, counts, deletion, name validation and the recorded chunk size. */
export function describeCollections(openStore: OpenKnowledgeStore): void {
  describe('collections', () => {
    const context = useStore(openStore);

    it('creates a collection once and reports it empty', async () => {
      const first = await context.store.ensureCollection('team-docs');
      const again = await context.store.ensureCollection('team-docs');
      expect(first).toMatchObject({ name: 'team-docs', documentCount: 0, chunkCount: 0 });
      expect(first.embeddingDimensions).toBeUndefined();
      expect(again.createdAt).toBe(first.createdAt);
      expect(Number.isNaN(Date.parse(first.createdAt))).toBe(false);
      expect(await context.store.getCollection('team-docs')).toEqual(first);
      expect(await context.store.getCollection('other')).toBeUndefined();
    });

    it('records a chunk size, changeable while the collection is empty, refused with conflict once it is not', async () => {
      expect(await context.store.ensureCollection('sized', { chunkSize: 300 })).toMatchObject({ chunkSize: 300 });
      expect(await context.store.ensureCollection('sized')).toMatchObject({ chunkSize: 300 });
      expect(await context.store.ensureCollection('sized', { chunkSize: 120 })).toMatchObject({ chunkSize: 120 });
      await context.store.putDocument(
        documentWrite({ collection: 'sized', source: 'a.md', chunks: [{ text: 'text' }] }),
      );
      await expectAndesError(context.store.ensureCollection('sized', { chunkSize: 300 }), 'conflict');
      expect(await context.store.ensureCollection('sized', { chunkSize: 120 })).toMatchObject({
        chunkSize: 120,
        documentCount: 1,
      });
      for (const chunkSize of [0, -5, 2.5, Number.NaN]) {
        await expectAndesError(context.store.ensureCollection('other', { chunkSize }), 'invalid_request');
      }
      expect(await context.store.getCollection('other')).toBeUndefined();
      expect((await context.store.ensureCollection('plain')).chunkSize).toBeUndefined();
    });

    it('lists every collection', async () => {
      await context.store.ensureCollection('beta');
      await context.store.ensureCollection('alpha');
      const names = (await context.store.listCollections()).map((collection) => collection.name);
      expect(names.sort()).toEqual(['alpha', 'beta']);
    });

    it('is created by the first putDocument and counts documents, chunks and embedding dimensions', async () => {
      await context.store.putDocument(
        documentWrite({
          collection: 'fresh',
          source: 'a.md',
          chunks: [
            { text: 'first chunk', vector: axisVector(4, 0) },
            { text: 'second chunk', vector: axisVector(4, 1) },
          ],
          embeddingModel: 'test-embedder',
        }),
      );
      await context.store.putDocument(
        documentWrite({ collection: 'fresh', source: 'b.md', chunks: [{ text: 'third' }] }),
      );
      expect(await context.store.getCollection('fresh')).toMatchObject({
        name: 'fresh',
        documentCount: 2,
        chunkCount: 3,
        embeddingDimensions: 4,
        embeddingModel: 'test-embedder',
      });
    });

    it('deletes a collection with everything in it, and a new one of that name starts empty', async () => {
      await context.store.putDocument(
        documentWrite({
          collection: 'gone',
          source: 'a.md',
          chunks: [{ text: 'ephemeral walrus', vector: axisVector(4, 2) }],
        }),
      );
      expect(await context.store.deleteCollection('gone')).toBe(true);
      expect(await context.store.deleteCollection('gone')).toBe(false);
      expect(await context.store.getCollection('gone')).toBeUndefined();
      await expectAndesError(context.store.searchLexical('gone', 'walrus', { k: 5 }), 'collection_not_found');

      await context.store.ensureCollection('gone');
      expect(await context.store.searchLexical('gone', 'walrus', { k: 5 })).toEqual([]);
      expect(await context.store.searchVector('gone', axisVector(4, 2), { k: 5 })).toEqual([]);
      expect(await context.store.listDocuments('gone')).toEqual([]);
    });

    it('keeps collections apart', async () => {
      await context.store.putDocument(
        documentWrite({ collection: 'left', source: 'same.md', chunks: [{ text: 'left narwhal' }] }),
      );
      await context.store.putDocument(
        documentWrite({ collection: 'right', source: 'same.md', chunks: [{ text: 'right narwhal' }] }),
      );
      const left = await context.store.searchLexical('left', 'narwhal', { k: 10 });
      expect(left).toHaveLength(1);
      const [chunk] = await context.store.getChunks('left', [left[0]!.chunkId]);
      expect(chunk?.text).toBe('left narwhal');
      expect(await context.store.getChunks('right', [left[0]!.chunkId])).toEqual([]);
      const leftDocument = await context.store.findDocumentBySource('left', 'same.md');
      const rightDocument = await context.store.findDocumentBySource('right', 'same.md');
      expect(leftDocument?.id).not.toBe(rightDocument?.id);
    });

    it('rejects invalid collection names with invalid_request', async () => {
      for (const name of ['', '../etc', 'has space', '-leading-dash', 'x'.repeat(65), 'semi;colon', 'ünï']) {
        await expectAndesError(context.store.ensureCollection(name), 'invalid_request');
        await expectAndesError(
          context.store.putDocument(documentWrite({ collection: name, source: 'a.md', chunks: [{ text: 'text' }] })),
          'invalid_request',
        );
      }
      for (const name of ['a', 'A1', 'team_docs.v2-final', 'x'.repeat(64)]) {
        expect((await context.store.ensureCollection(name)).name).toBe(name);
      }
    });
  });
}
