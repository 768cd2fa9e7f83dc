import { describe, expect, it } from 'vitest';
import { AndesError, implicitAdmin, type Caller, type DocumentRecord } from '@andes-rag/core';
import type { AndesService, SearchRequest } from '../andes-service.js';
import { callerScopedService } from './caller-scoped-service.js';

/** Records what reaches the real service; the wrapper around it is under test. */
function recordingService() {
  const searches: SearchRequest[] = [];
  const document = (id: string, access?: string[]): DocumentRecord => ({
    id,
    collection: 'handbook',
    source: `${id}.md`,
    title: id,
    mediaType: 'text/markdown',
    contentHash: id,
    chunkCount: 2,
    ingestedAt: '2026-01-01T00:00:00.000Z',
    ...(access ? { access } : {}),
  });
  const documents = [document('open'), document('hr', ['group:hr']), document('mine', ['key:k1'])];
  const deleted: string[] = [];
  const changed: string[] = [];
  const service = {
    readiness: () => ({ ready: true, store: true, chatModel: null, embeddingModel: null }),
    listCollections: async () =>
      ['handbook', 'legal'].map((name) => ({
        name,
        embeddingDimensions: undefined,
        embeddingModel: undefined,
        documentCount: 3,
        chunkCount: 6,
        createdAt: '',
      })),
    listDocuments: async () => documents,
    deleteDocument: async (_collection: string, id: string) => {
      deleted.push(id);
      return true;
    },
    search: async (request: SearchRequest) => {
      searches.push(request);
      return [];
    },
    models: async () => [
      { id: 'andes:handbook', kind: 'collection' as const, collection: 'handbook' },
      { id: 'andes:legal', kind: 'collection' as const, collection: 'legal' },
    ],
    renameCollection: async (name: string, newName: string) => {
      changed.push(`rename ${name} ${newName}`);
      return { name: newName };
    },
    deleteCollection: async (name: string) => {
      changed.push(`delete ${name}`);
    },
    getDocumentText: async (_collection: string, id: string) => ({ documentId: id }),
    reindexEverything: async () => 'done',
  } as unknown as AndesService;
  return { service, searches, deleted, changed };
}

const reader: Caller = { keyId: 'k1', role: 'reader', collections: ['handbook'], groups: ['sales'] };

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return AndesError.isInstance(error) ? error.code : 'not an AndesError';
  }
}

describe('callerScopedService', () => {
  it('puts the caller’s principals into every search filter, replacing any the request brought', async () => {
    const { service, searches } = recordingService();
    await callerScopedService(service, reader).search({
      collection: 'handbook',
      query: 'q',
      filter: { tags: ['a'], principals: ['group:hr'] },
    });
    expect(searches[0]?.filter).toEqual({ tags: ['a'], principals: ['key:k1', 'group:sales'] });
    await callerScopedService(service, implicitAdmin).search({ collection: 'handbook', query: 'q' });
    expect(searches[1]?.filter).toBeUndefined();
  });

  it('answers a collection outside the key like a missing one, and hides it from lists and models', async () => {
    const { service, searches } = recordingService();
    const scoped = callerScopedService(service, reader);
    expect(await errorCode(scoped.search({ collection: 'legal', query: 'q' }))).toBe('collection_not_found');
    expect(searches).toEqual([]);
    expect((await scoped.listCollections()).map((collection) => collection.name)).toEqual(['handbook']);
    expect((await scoped.models()).map((model) => model.id)).toEqual(['andes:handbook']);
  });

  it('lists and counts only readable documents, and deletes none it may not read', async () => {
    const { service, deleted } = recordingService();
    const scoped = callerScopedService(service, reader);
    expect((await scoped.listDocuments('handbook')).map((document) => document.id)).toEqual(['open', 'mine']);
    expect((await scoped.listCollections())[0]).toMatchObject({ documentCount: 2, chunkCount: 4 });
    expect(await errorCode(scoped.deleteDocument('handbook', 'open'))).toBe('forbidden');
    const editor = callerScopedService(service, { ...reader, role: 'editor' });
    expect(await editor.deleteDocument('handbook', 'hr')).toBe(false);
    expect(await editor.deleteDocument('handbook', 'mine')).toBe(true);
    expect(deleted).toEqual(['mine']);
  });

  it('lets editors rename and delete their collections; readers get forbidden, other collections not found', async () => {
    const { service, changed } = recordingService();
    const scopedReader = callerScopedService(service, reader);
    expect(await errorCode(scopedReader.renameCollection('handbook', 'manual'))).toBe('forbidden');
    expect(await errorCode(scopedReader.deleteCollection('handbook'))).toBe('forbidden');
    const editor = callerScopedService(service, { ...reader, role: 'editor' });
    expect(await errorCode(editor.renameCollection('legal', 'contracts'))).toBe('collection_not_found');
    expect(await errorCode(editor.deleteCollection('legal'))).toBe('collection_not_found');
    await editor.renameCollection('handbook', 'manual');
    await editor.deleteCollection('handbook');
    expect(changed).toEqual(['rename handbook manual', 'delete handbook']);
  });

  it('opens a document’s text only when the caller may read it, else the same not_found as a missing one', async () => {
    const { service } = recordingService();
    const scoped = callerScopedService(service, reader);
    expect(await scoped.getDocumentText('handbook', 'mine')).toEqual({ documentId: 'mine' });
    expect(await errorCode(scoped.getDocumentText('handbook', 'hr'))).toBe('not_found');
    expect(await errorCode(scoped.getDocumentText('handbook', 'absent'))).toBe('not_found');
    expect(await errorCode(scoped.getDocumentText('legal', 'open'))).toBe('collection_not_found');
  });

  it('fails closed: a method it does not know is for admins only', async () => {
    const { service } = recordingService();
    const unknown = (scoped: AndesService) =>
      (scoped as unknown as { reindexEverything: () => Promise<string> }).reindexEverything();
    expect(await errorCode(unknown(callerScopedService(service, reader)))).toBe('forbidden');
    expect(await unknown(callerScopedService(service, implicitAdmin))).toBe('done');
  });
});
