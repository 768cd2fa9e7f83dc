import { afterEach, describe, expect, it } from 'vitest';
import type { AssistantDefinition } from '@andes-rag/core';
import { randomUnitVector } from '@andes-rag/store-conformance';
import { sampleCorpus, sampleDimensions } from '../test-support/sample-corpus.js';
import { temporaryDataDir } from '../test-support/temporary-store.js';
import { SqliteKnowledgeStore } from './sqlite-knowledge-store.js';

const definition = (collections: string[]): AssistantDefinition => ({
  description: '',
  systemPrompt: '',
  collections,
  retrieval: {},
  generation: {},
});

describe('SqliteKnowledgeStore.renameCollection and listDocumentChunks', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
  });

  it('renames a collection: search, vectors, key scopes, assistants and conversations follow, also after reopening', async () => {
    const directory = await temporaryDataDir();
    cleanup = directory.cleanup;
    const query = randomUnitVector(sampleDimensions, 7);
    const store = await SqliteKnowledgeStore.open({ dataDir: directory.dataDir });
    for (const write of sampleCorpus(6)) await store.putDocument(write);
    await store.ensureCollection('other');
    const lexicalBefore = await store.searchLexical('docs', 'kerberos keytab', { k: 5 });
    const vectorBefore = await store.searchVector('docs', query, { k: 5 });
    const scoped = await store.apiKeyStore().create({ name: 'scoped', role: 'reader', collections: ['docs', 'other'] });
    const everywhere = await store.apiKeyStore().create({ name: 'all', role: 'reader' });
    await store.assistantStore().createAssistant('helper', definition(['docs']));
    await store.assistantStore().createAssistant('bystander', definition(['other']));
    const conversation = await store.conversationStore().createConversation({ owner: 'local', collection: 'docs' });

    const renamed = await store.renameCollection('docs', 'team-notes');
    expect(renamed).toMatchObject({ name: 'team-notes', documentCount: 6, chunkCount: 18 });
    expect((await store.listCollections()).map((collection) => collection.name)).toEqual(['other', 'team-notes']);
    await expect(store.listDocuments('docs')).rejects.toMatchObject({ code: 'collection_not_found' });
    expect(await store.searchLexical('team-notes', 'kerberos keytab', { k: 5 })).toEqual(lexicalBefore);
    expect(await store.searchVector('team-notes', query, { k: 5 })).toEqual(vectorBefore);
    const keys = await store.apiKeyStore().list();
    expect(keys.find((key) => key.id === scoped.id)?.collections).toEqual(['team-notes', 'other']);
    expect(keys.find((key) => key.id === everywhere.id)?.collections).toBeNull();
    expect((await store.assistantStore().getAssistantVersion('helper', 1))?.collections).toEqual(['team-notes']);
    expect((await store.assistantStore().getAssistantVersion('bystander', 1))?.collections).toEqual(['other']);
    expect((await store.conversationStore().getConversation(conversation.id))?.collection).toBe('team-notes');
    await store.close();

    await using reopened = await SqliteKnowledgeStore.open({ dataDir: directory.dataDir });
    expect(await reopened.searchVector('team-notes', query, { k: 5 })).toEqual(vectorBefore);
    expect(await reopened.verifyIntegrity()).toMatchObject({ ok: true });
  });

  it('refuses a taken name (conflict), an unknown collection and a bad name, changing nothing', async () => {
    const directory = await temporaryDataDir();
    cleanup = directory.cleanup;
    await using store = await SqliteKnowledgeStore.open({ dataDir: directory.dataDir });
    for (const write of sampleCorpus(2)) await store.putDocument(write);
    await store.ensureCollection('other');
    await expect(store.renameCollection('docs', 'other')).rejects.toMatchObject({ code: 'conflict' });
    await expect(store.renameCollection('missing', 'fresh')).rejects.toMatchObject({ code: 'collection_not_found' });
    await expect(store.renameCollection('docs', '../escape')).rejects.toMatchObject({ code: 'invalid_request' });
    expect((await store.listCollections()).map((collection) => [collection.name, collection.documentCount])).toEqual([
      ['docs', 2],
      ['other', 0],
    ]);
  });

  it('lists one document’s chunks in order, and none for another collection’s document', async () => {
    const directory = await temporaryDataDir();
    cleanup = directory.cleanup;
    await using store = await SqliteKnowledgeStore.open({ dataDir: directory.dataDir });
    const [first, second] = sampleCorpus(2);
    const { document } = await store.putDocument(first!);
    await store.putDocument({ ...second!, collection: 'elsewhere' });
    const chunks = await store.listDocumentChunks('docs', document.id);
    expect(chunks.map((chunk) => [chunk.index, chunk.documentId, chunk.text])).toEqual([
      [0, document.id, 'Note 0 part 0 about the kerberos keytab.'],
      [1, document.id, 'Note 0 part 1 about the laptop refresh.'],
      [2, document.id, 'Note 0 part 2 about the expense policy.'],
    ]);
    await store.ensureCollection('empty');
    expect(await store.listDocumentChunks('elsewhere', document.id)).toEqual([]);
  });
});
