import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectErrorResponse } from '../testing/http-assertions.js';
import { startTestServer, type TestServer } from '../testing/start-test-server.js';

describe('collection routes', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await server.close();
  });

  async function upload(collection: string, name: string): Promise<void> {
    const form = new FormData();
    form.append('files', new Blob(['# Title\n\nBody']), name);
    const response = await fetch(`${server.url}/api/collections/${collection}/documents`, {
      method: 'POST',
      body: form,
    });
    expect(response.status).toBe(201);
  }

  it('lists collections', async () => {
    await upload('handbook', 'a.md');
    const response = await fetch(`${server.url}/api/collections`);
    expect(response.status).toBe(200);
    const { collections } = (await response.json()) as { collections: { name: string; documentCount: number }[] };
    expect(collections.map(({ name, documentCount }) => ({ name, documentCount }))).toEqual([
      { name: 'default', documentCount: 0 },
      { name: 'handbook', documentCount: 1 },
    ]);
  });

  it('lists a collection’s documents and deletes one', async () => {
    await upload('default', 'a.md');
    await upload('default', 'b.md');
    const listed = await fetch(`${server.url}/api/collections/default/documents`);
    const { documents } = (await listed.json()) as { documents: { id: string; source: string }[] };
    expect(documents.map((document) => document.source)).toEqual(['a.md', 'b.md']);

    const deleted = await fetch(`${server.url}/api/collections/default/documents/${documents[0]?.id}`, {
      method: 'DELETE',
    });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    const after = (await (await fetch(`${server.url}/api/collections/default/documents`)).json()) as {
      documents: unknown[];
    };
    expect(after.documents).toHaveLength(1);
  });

  it('answers 404 for an unknown document or collection', async () => {
    await expectErrorResponse(
      await fetch(`${server.url}/api/collections/default/documents/nope`, { method: 'DELETE' }),
      404,
      'not_found',
    );
    await expectErrorResponse(await fetch(`${server.url}/api/collections/nope/documents`), 404, 'collection_not_found');
  });

  it('searches and pages the document list: {documents, total, offset, limit}, each with tags, warnings and access', async () => {
    for (const name of ['guide/a.md', 'guide/b.md', 'notes/c.md', 'notes/d.md', 'guide/e.md'])
      await upload('default', name);
    const page = async (query: string) =>
      (await (await fetch(`${server.url}/api/collections/default/documents${query}`)).json()) as {
        documents: Array<{ source: string; tags: unknown; warnings: unknown; access: unknown }>;
        total: number;
        offset: number;
        limit: number;
      };
    const all = await page('');
    expect([all.total, all.offset, all.limit, all.documents.length]).toEqual([5, 0, 5, 5]);
    expect(all.documents[0]).toMatchObject({ tags: [], warnings: [], access: [] });
    const guides = await page('?q=GUIDE&offset=1&limit=1');
    expect(guides.documents.map((document) => document.source)).toEqual(['guide/b.md']);
    expect([guides.total, guides.offset, guides.limit]).toEqual([3, 1, 1]);
    expect((await page('?q=nothing-like-this')).documents).toEqual([]);
    for (const query of ['?limit=0', '?offset=-1', '?limit=1001', '?offset=x']) {
      await expectErrorResponse(
        await fetch(`${server.url}/api/collections/default/documents${query}`),
        400,
        'invalid_request',
      );
    }
  });

  it('serves a document’s text with its chunks’ offsets, 404 for an unknown document', async () => {
    await upload('default', 'guide/a.md');
    const listed = (await (await fetch(`${server.url}/api/collections/default/documents`)).json()) as {
      documents: Array<{ id: string }>;
    };
    const id = listed.documents[0]?.id ?? '';
    const response = await fetch(`${server.url}/api/collections/default/documents/${id}/text`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { text: string; chunks: Array<{ start: number; end: number }> };
    expect(body).toMatchObject({ documentId: id, source: 'guide/a.md', chunks: [{ chunkId: 'chunk-0' }] });
    expect(body.text.slice(body.chunks[0]?.start, body.chunks[0]?.end)).toBe('guide/a.md');
    await expectErrorResponse(
      await fetch(`${server.url}/api/collections/default/documents/nope/text`),
      404,
      'not_found',
    );
  });

  it('renames a collection (409 for a taken name, 404 for a missing one, 400 for a bad body) and deletes one', async () => {
    await upload('handbook', 'a.md');
    const rename = (name: string, body: unknown) =>
      fetch(`${server.url}/api/collections/${name}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const renamed = await rename('handbook', { name: 'manual' });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ name: 'manual', documentCount: 1 });
    await expectErrorResponse(await rename('manual', { name: 'default' }), 409, 'conflict');
    await expectErrorResponse(await rename('missing', { name: 'fresh' }), 404, 'collection_not_found');
    await expectErrorResponse(await rename('manual', { name: '' }), 400, 'invalid_request');
    await expectErrorResponse(await rename('manual', { name: 'x', extra: 1 }), 400, 'invalid_request');

    const deleted = await fetch(`${server.url}/api/collections/manual`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    await expectErrorResponse(
      await fetch(`${server.url}/api/collections/manual`, { method: 'DELETE' }),
      404,
      'collection_not_found',
    );
    const { collections } = (await (await fetch(`${server.url}/api/collections`)).json()) as {
      collections: Array<{ name: string }>;
    };
    expect(collections.map((collection) => collection.name)).toEqual(['default']);
  });

  it('GET /api/me says who calls: with auth off, the implicit admin of every collection', async () => {
    const response = await fetch(`${server.url}/api/me`);
    expect(await response.json()).toEqual({
      keyId: null,
      role: 'admin',
      collections: null,
      groups: [],
      authEnabled: false,
    });
  });

  it('rejects a collection name over 128 characters', async () => {
    await expectErrorResponse(
      await fetch(`${server.url}/api/collections/${'x'.repeat(129)}/documents`),
      400,
      'invalid_request',
    );
  });

  it('answers 500 with a generic message when the service fails unexpectedly, and logs the real error', async () => {
    server.service.nextError = new Error('SQLITE_CORRUPT at /var/lib/andes/store.db');
    const body = await expectErrorResponse(await fetch(`${server.url}/api/collections`), 500, 'internal_error');
    expect(JSON.stringify(body)).not.toContain('SQLITE');
    expect(JSON.stringify(server.logs)).toContain('SQLITE_CORRUPT at /var/lib/andes/store.db');
  });
});
