import { describe, expect, it } from 'vitest';
import { axisVector, expectAndesError, useStore, type OpenKnowledgeStore } from './conformance-fixtures.js';

/** What every method does with a collection that does not exist. */
export function describeUnknownCollection(openStore: OpenKnowledgeStore): void {
  describe('unknown collection', () => {
    const context = useStore(openStore);

    it('fails searches, listings and chunk reads with collection_not_found', async () => {
      await context.store.ensureCollection('present');
      await expectAndesError(context.store.searchLexical('absent', 'anything', { k: 5 }), 'collection_not_found');
      await expectAndesError(context.store.searchVector('absent', axisVector(4, 0), { k: 5 }), 'collection_not_found');
      await expectAndesError(context.store.listDocuments('absent'), 'collection_not_found');
      await expectAndesError(context.store.getChunks('absent', ['chk_x']), 'collection_not_found');
    });

    it('answers lookups with undefined and deletions with false', async () => {
      expect(await context.store.getCollection('absent')).toBeUndefined();
      expect(await context.store.getDocument('absent', 'doc_x')).toBeUndefined();
      expect(await context.store.findDocumentBySource('absent', 'a.md')).toBeUndefined();
      expect(await context.store.deleteDocument('absent', 'doc_x')).toBe(false);
      expect(await context.store.deleteCollection('absent')).toBe(false);
      expect(await context.store.listCollections()).toEqual([]);
    });
  });
}
