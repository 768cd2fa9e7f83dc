import { describe, expect, it } from 'vitest';
import { documentWrite, expectAndesError, randomUnitVector } from '@andes-rag/store-conformance';
import { openPgliteStore } from '../test-support/shared-pglite.js';

/** Renaming a collection on PGlite: the records naming it follow, documents and vectors stay searchable. */
export function describeRenameCollection(): void {
  describe('renameCollection', () => {
    it('renames a collection with its documents and vectors, and every key scope, assistant and conversation naming it', async () => {
      const { store, cleanup } = await openPgliteStore();
      try {
        const vector = randomUnitVector(8, 3);
        await store.putDocument(documentWrite({ source: 'a.md', chunks: [{ text: 'the narwhal tusk', vector }] }));
        await store.ensureCollection('taken');
        const key = await store
          .apiKeyStore()
          .create({ name: 'scoped', role: 'reader', collections: ['docs', 'other'] });
        await store.assistantStore().createAssistant('helper', {
          description: 'Helps',
          systemPrompt: 'Be brief.',
          collections: ['docs'],
          retrieval: {},
          generation: {},
        });
        const conversation = await store.conversationStore().createConversation({ owner: 'local', collection: 'docs' });

        await expectAndesError(store.renameCollection('docs', 'taken'), 'conflict');
        await expectAndesError(store.renameCollection('missing', 'fresh'), 'collection_not_found');
        expect(await store.renameCollection('docs', 'renamed')).toMatchObject({ name: 'renamed', documentCount: 1 });

        expect(await store.getCollection('docs')).toBeUndefined();
        expect(await store.searchLexical('renamed', 'narwhal', { k: 3 })).toHaveLength(1);
        expect((await store.searchVector('renamed', vector, { k: 1 }))[0]?.score).toBeCloseTo(1, 4);
        expect((await store.apiKeyStore().authenticate(key.key))?.collections).toEqual(['renamed', 'other']);
        expect((await store.assistantStore().getAssistant('helper'))?.live.collections).toEqual(['renamed']);
        expect((await store.conversationStore().getConversation(conversation.id))?.collection).toBe('renamed');
      } finally {
        await cleanup();
      }
    });
  });
}
