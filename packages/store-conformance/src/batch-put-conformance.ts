import { describe, expect, it } from 'vitest';
import type { KnowledgeStore } from '@andes-rag/core';
import {
  axisVector,
  documentWrite,
  expectAndesError,
  useStore,
  type OpenKnowledgeStore,
} from './conformance-fixtures.js';

/** The store's `putDocuments`; fails the test with a clear message when the store has none. */
function putDocumentsOf(store: KnowledgeStore): NonNullable<KnowledgeStore['putDocuments']> {
  expect(store.putDocuments, 'the store must implement putDocuments').toBeTypeOf('function');
  return (writes) => store.putDocuments!(writes);
}

/** `putDocuments`: each write as `putDocument` would, in order, and all of them or none. */
export function describeBatchPut(openStore: OpenKnowledgeStore): void {
  describe('putDocuments', () => {
    const context = useStore(openStore);

    it('stores each write as putDocument would and answers in order', async () => {
      const putDocuments = putDocumentsOf(context.store);
      const alpha = { source: 'alpha.md', chunks: [{ text: 'alpha lynx', vector: axisVector(4, 0) }] };
      const beta = { source: 'beta.md', chunks: [{ text: 'beta ocelot', vector: axisVector(4, 1) }] };
      const first = await putDocuments([documentWrite(alpha), documentWrite(beta)]);
      expect(first.map((result) => [result.status, result.document.source])).toEqual([
        ['created', 'alpha.md'],
        ['created', 'beta.md'],
      ]);

      const second = await putDocuments([
        documentWrite(alpha),
        documentWrite({ ...beta, version: '2', chunks: [{ text: 'beta serval', vector: axisVector(4, 1) }] }),
        documentWrite({ collection: 'other', source: 'gamma.md', chunks: [{ text: 'gamma caracal' }] }),
      ]);
      expect(second.map((result) => [result.status, result.document.collection, result.document.source])).toEqual([
        ['unchanged', 'docs', 'alpha.md'],
        ['updated', 'docs', 'beta.md'],
        ['created', 'other', 'gamma.md'],
      ]);
      expect(second[1]!.document.id).toBe(first[1]!.document.id);
      expect(await context.store.searchLexical('docs', 'ocelot', { k: 3 })).toEqual([]);
      expect(await context.store.searchLexical('docs', 'serval', { k: 3 })).toHaveLength(1);
      expect(await context.store.searchVector('docs', axisVector(4, 1), { k: 1 })).toHaveLength(1);
      expect(await context.store.getCollection('other')).toMatchObject({ documentCount: 1, chunkCount: 1 });
      expect(await putDocuments([])).toEqual([]);
    });

    it('stores none of the writes when one of them fails, not even a collection it would create', async () => {
      const putDocuments = putDocumentsOf(context.store);
      await context.store.putDocument(
        documentWrite({ source: 'kept.md', chunks: [{ text: 'kept heron', vector: axisVector(4, 0) }] }),
      );
      const before = await context.store.listDocuments('docs');

      await expectAndesError(
        putDocuments([
          documentWrite({ collection: 'fresh', source: 'new.md', chunks: [{ text: 'new puffin' }] }),
          documentWrite({ source: 'second.md', chunks: [{ text: 'second puffin', vector: axisVector(4, 2) }] }),
          // Two dimensions where the collection holds four: refused only once the collection is read.
          documentWrite({ source: 'bad.md', chunks: [{ text: 'bad puffin', vector: new Float32Array([1, 0]) }] }),
        ]),
        'invalid_request',
      );

      expect(await context.store.getCollection('fresh')).toBeUndefined();
      expect(await context.store.listDocuments('docs')).toEqual(before);
      expect(await context.store.searchLexical('docs', 'puffin', { k: 5 })).toEqual([]);
      expect(await context.store.searchVector('docs', axisVector(4, 2), { k: 5 })).toHaveLength(1);
      expect(await context.store.getCollection('docs')).toMatchObject({ documentCount: 1, chunkCount: 1 });
    });
  });
}
