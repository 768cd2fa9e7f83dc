import { describe, expect, it } from 'vitest';
import type { Chunk, KnowledgeStore } from '@andes-rag/core';
import { documentWrite, expectAndesError, useStore, type OpenKnowledgeStore } from './conformance-fixtures.js';

/** The store's `listDocumentChunks`; fails the test with a clear message when the store has none. */
function listChunksOf(store: KnowledgeStore): NonNullable<KnowledgeStore['listDocumentChunks']> {
  expect(store.listDocumentChunks, 'the store must implement listDocumentChunks').toBeTypeOf('function');
  return (collection, documentId) => store.listDocumentChunks!(collection, documentId);
}

/** `listDocumentChunks`: every chunk of one document, in order, with the offsets a document's text is rebuilt from. */
export function describeDocumentChunks(openStore: OpenKnowledgeStore): void {
  describe('listDocumentChunks', () => {
    const context = useStore(openStore);
    const texts = ['First part about otters.', 'Second part about beavers.', 'Third part about herons.'];

    it('lists every chunk of the document by index, with offsets, headings and pages, and nothing else', async () => {
      const listChunks = listChunksOf(context.store);
      const { document } = await context.store.putDocument(
        documentWrite({
          source: 'guide.md',
          title: 'Field guide',
          chunks: texts.map((text, index) => ({ text, headingPath: ['Guide', `Part ${index + 1}`], page: index + 1 })),
        }),
      );
      await context.store.putDocument(documentWrite({ source: 'other.md', chunks: [{ text: 'Unrelated otters.' }] }));

      const chunks = await listChunks('docs', document.id);
      expect(chunks.map((chunk) => chunk.index)).toEqual([0, 1, 2]);
      expect(chunks.map((chunk) => chunk.text)).toEqual(texts);
      const rebuilt = texts.join('\n');
      for (const chunk of chunks) {
        expect(rebuilt.slice(chunk.startOffset, chunk.endOffset)).toBe(chunk.text);
      }
      expect(chunks[1]).toMatchObject<Partial<Chunk>>({
        documentId: document.id,
        collection: 'docs',
        source: 'guide.md',
        title: 'Field guide',
        mediaType: 'text/markdown',
        headingPath: ['Guide', 'Part 2'],
        page: 2,
        startOffset: texts[0]!.length + 1,
      });
      expect(
        await context.store.getChunks(
          'docs',
          chunks.map((chunk) => chunk.id),
        ),
      ).toEqual(chunks);
    });

    it('follows a replacement, is empty for an unknown or deleted document, and refuses an unknown collection', async () => {
      const listChunks = listChunksOf(context.store);
      const { document } = await context.store.putDocument(
        documentWrite({ source: 'guide.md', chunks: texts.map((text) => ({ text })) }),
      );
      const replaced = await context.store.putDocument(
        documentWrite({ source: 'guide.md', chunks: [{ text: 'Only herons now.' }] }),
      );
      expect(replaced.document.id).toBe(document.id);
      expect((await listChunks('docs', document.id)).map((chunk) => [chunk.index, chunk.text])).toEqual([
        [0, 'Only herons now.'],
      ]);

      expect(await listChunks('docs', 'no-such-document')).toEqual([]);
      await context.store.deleteDocument('docs', document.id);
      expect(await listChunks('docs', document.id)).toEqual([]);
      await expectAndesError(listChunks('missing', document.id), 'collection_not_found');
    });
  });
}
