import { describe, expect, it } from 'vitest';
import type {
  ApiKeyStore,
  AssistantDefinition,
  AssistantStore,
  ConversationStore,
  KnowledgeStore,
} from '@andes-rag/core';
import {
  documentWrite,
  expectAndesError,
  randomUnitVector,
  useStore,
  type OpenKnowledgeStore,
} from './conformance-fixtures.js';

/**
 * The records a store keeps beside its knowledge, reached through the accessors both the SQLite and the PostgreSQL
 * store offer (`apiKeyStore()`, `assistantStore()`, `conversationStore()`).
 */
interface StoreWithRecords extends KnowledgeStore {
  apiKeyStore(): ApiKeyStore;
  assistantStore(): AssistantStore;
  conversationStore(): ConversationStore;
}

/** The store's rename method; fails the test with a clear message when the store has none. */
function renameOf(store: KnowledgeStore): NonNullable<KnowledgeStore['renameCollection']> {
  expect(store.renameCollection, 'the store must implement renameCollection').toBeTypeOf('function');
  return (name, newName) => store.renameCollection!(name, newName);
}

/** The store as one with key, assistant and conversation records; fails the test when it lacks the accessors. */
function withRecords(store: KnowledgeStore): StoreWithRecords {
  for (const accessor of ['apiKeyStore', 'assistantStore', 'conversationStore'] as const) {
    expect((store as Partial<StoreWithRecords>)[accessor], `the store must offer ${accessor}()`).toBeTypeOf('function');
  }
  return store as StoreWithRecords;
}

const definition = (collections: string[]): AssistantDefinition => ({
  description: '',
  systemPrompt: '',
  collections,
  retrieval: {},
  generation: {},
});

/** `renameCollection`: documents, chunks, both indexes and every record naming the collection follow, in one go. */
export function describeRenameCollection(openStore: OpenKnowledgeStore): void {
  describe('renameCollection', () => {
    const context = useStore(openStore);
    const vector = randomUnitVector(8, 11);

    it('keeps documents, chunks and both indexes under the new name, and the old name is gone', async () => {
      const rename = renameOf(context.store);
      const { document } = await context.store.putDocument(
        documentWrite({
          source: 'a.md',
          chunks: [
            { text: 'the narwhal tusk', vector },
            { text: 'a walrus', vector: randomUnitVector(8, 12) },
          ],
        }),
      );
      await context.store.ensureCollection('other');
      const lexical = await context.store.searchLexical('docs', 'narwhal', { k: 3 });
      const nearest = await context.store.searchVector('docs', vector, { k: 3 });

      expect(await rename('docs', 'renamed')).toMatchObject({
        name: 'renamed',
        documentCount: 1,
        chunkCount: 2,
        embeddingDimensions: 8,
      });
      expect((await context.store.listCollections()).map((collection) => collection.name)).toEqual([
        'other',
        'renamed',
      ]);
      expect(await context.store.getCollection('docs')).toBeUndefined();
      await expectAndesError(context.store.listDocuments('docs'), 'collection_not_found');
      expect(await context.store.searchLexical('renamed', 'narwhal', { k: 3 })).toEqual(lexical);
      expect(await context.store.searchVector('renamed', vector, { k: 3 })).toEqual(nearest);
      expect(await context.store.getDocument('renamed', document.id)).toMatchObject({
        collection: 'renamed',
        source: 'a.md',
      });
      const [chunk] = await context.store.getChunks('renamed', [lexical[0]!.chunkId]);
      expect(chunk).toMatchObject({ collection: 'renamed', text: 'the narwhal tusk' });

      await context.store.putDocument(documentWrite({ source: 'b.md', chunks: [{ text: 'fresh docs' }] }));
      expect(await context.store.getCollection('docs')).toMatchObject({ documentCount: 1, chunkCount: 1 });
      expect(await context.store.searchLexical('docs', 'narwhal', { k: 3 })).toEqual([]);
    });

    it('renames the collection in API key scopes, assistant definitions (in order) and conversations', async () => {
      const rename = renameOf(context.store);
      const store = withRecords(context.store);
      await store.ensureCollection('docs');
      await store.ensureCollection('other');
      const scoped = await store
        .apiKeyStore()
        .create({ name: 'scoped', role: 'reader', collections: ['other', 'docs'] });
      const elsewhere = await store.apiKeyStore().create({ name: 'elsewhere', role: 'reader', collections: ['other'] });
      const everywhere = await store.apiKeyStore().create({ name: 'all', role: 'reader' });
      await store.assistantStore().createAssistant('helper', definition(['other', 'docs']));
      await store.assistantStore().addAssistantVersion('helper', definition(['docs']));
      await store.assistantStore().createAssistant('bystander', definition(['other']));
      const named = await store.conversationStore().createConversation({ owner: 'local', collection: 'docs' });
      const unrelated = await store.conversationStore().createConversation({ owner: 'local', collection: 'other' });

      await rename('docs', 'renamed');

      // The new name takes the old one's place in the scope as stored.
      const scope = scoped.collections?.map((collection) => (collection === 'docs' ? 'renamed' : collection));
      expect(scope).toHaveLength(2);
      const keys = new Map((await store.apiKeyStore().list()).map((key) => [key.id, key.collections]));
      expect(keys.get(scoped.id)).toEqual(scope);
      expect(keys.get(elsewhere.id)).toEqual(['other']);
      expect(keys.get(everywhere.id)).toBeNull();
      expect((await store.apiKeyStore().authenticate(scoped.key))?.collections).toEqual(scope);
      const versions = await store.assistantStore().listAssistantVersions('helper');
      expect(versions.map((version) => version.collections)).toEqual([['other', 'renamed'], ['renamed']]);
      expect((await store.assistantStore().getAssistant('bystander'))?.live.collections).toEqual(['other']);
      expect((await store.conversationStore().getConversation(named.id))?.collection).toBe('renamed');
      expect((await store.conversationStore().getConversation(unrelated.id))?.collection).toBe('other');
    });

    it('refuses a taken name (also its own), an unknown collection and bad names, changing nothing', async () => {
      const rename = renameOf(context.store);
      await context.store.putDocument(documentWrite({ source: 'a.md', chunks: [{ text: 'the narwhal tusk' }] }));
      await context.store.ensureCollection('taken');

      await expectAndesError(rename('docs', 'taken'), 'conflict');
      await expectAndesError(rename('docs', 'docs'), 'conflict');
      await expectAndesError(rename('missing', 'fresh'), 'collection_not_found');
      for (const bad of ['', '../etc', 'has space', 'x'.repeat(65)]) {
        await expectAndesError(rename('docs', bad), 'invalid_request');
        await expectAndesError(rename(bad, 'fresh'), 'invalid_request');
      }

      expect((await context.store.listCollections()).map((collection) => collection.name)).toEqual(['docs', 'taken']);
      expect(await context.store.getCollection('docs')).toMatchObject({ documentCount: 1, chunkCount: 1 });
      expect(await context.store.getCollection('taken')).toMatchObject({ documentCount: 0 });
      expect(await context.store.searchLexical('docs', 'narwhal', { k: 3 })).toHaveLength(1);
    });
  });
}
