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
