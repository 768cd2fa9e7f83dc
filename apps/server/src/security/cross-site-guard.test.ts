import { afterEach, describe, expect, it } from 'vitest';
import type { AndesConfigInput } from '@andes-rag/runtime';
import { expectErrorResponse } from '../testing/http-assertions.js';
import { startTestServer, type TestServer } from '../testing/start-test-server.js';

function uploadForm(content = '# Travel'): FormData {
  const form = new FormData();
  form.append('files', new Blob([content], { type: 'text/markdown' }), 'travel.md');
  return form;
}

describe('cross-site writes and CORS', () => {
  let server: TestServer;
  const start = async (config: Partial<AndesConfigInput> = {}) => {
    server = await startTestServer({ config });
    return server;
  };
  afterEach(async () => {
    await server.close();
  });

  it('refuses an upload from a foreign origin with 403 and stores nothing', async () => {
    await start();
    const response = await fetch(`${server.url}/api/collections/default/documents`, {
      method: 'POST',
      headers: { Origin: 'http://evil.example' },
      body: uploadForm(),
    });
    const body = await expectErrorResponse(response, 403, 'forbidden');
    expect(body.error.message).toContain('http://evil.example');
    expect(server.service.ingestCalls).toEqual([]);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a delete from a foreign origin, and the document stays', async () => {
    await start();
    await fetch(`${server.url}/api/collections/default/documents`, { method: 'POST', body: uploadForm() });
    const response = await fetch(`${server.url}/api/collections/default/documents/document-1`, {
      method: 'DELETE',
      headers: { Origin: 'null' },
    });
    await expectErrorResponse(response, 403, 'forbidden');
    const listed = (await (await fetch(`${server.url}/api/collections/default/documents`)).json()) as {
      documents: { id: string }[];
    };
    expect(listed.documents.map((document) => document.id)).toEqual(['document-1']);
  });

  it('refuses a write marked Sec-Fetch-Site: cross-site even without Origin', async () => {
    await start();
    const response = await fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' },
      body: JSON.stringify({ question: 'laptops?' }),
    });
    await expectErrorResponse(response, 403, 'forbidden');
    expect(server.service.askCalls).toEqual([]);
  });

  it('refuses a foreign write to /v1 in OpenAI’s error shape', async () => {
    await start();
    const response = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: JSON.stringify({ model: 'andes:default', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: {
        message: expect.stringContaining('https://evil.example'),
        type: 'permission_error',
        param: null,
        code: 'forbidden',
      },
    });
  });

  it('accepts the web UI’s own origin and requests without one (curl, SDKs)', async () => {
    await start();
    const sameOrigin = await fetch(`${server.url}/api/collections/default/documents`, {
      method: 'POST',
      headers: { Origin: server.url, 'Sec-Fetch-Site': 'same-origin' },
      body: uploadForm(),
    });
    expect(sameOrigin.status).toBe(201);
    const noOrigin = await fetch(`${server.url}/api/collections/default/documents`, {
      method: 'POST',
      body: uploadForm('# Other'),
    });
    expect(noOrigin.status).toBe(201);
    expect(server.service.ingestCalls).toHaveLength(2);
  });

  it('accepts a configured origin and answers it with CORS headers', async () => {
    await start({ corsOrigins: 'https://intranet.example, https://wiki.example' });
    const response = await fetch(`${server.url}/api/collections/default/documents`, {
      method: 'POST',
      headers: { Origin: 'https://wiki.example', 'Sec-Fetch-Site': 'cross-site' },
      body: uploadForm(),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://wiki.example');
    expect(server.service.ingestCalls).toHaveLength(1);
  });

  it('answers a preflight from a configured origin, and gives a foreign one no CORS headers', async () => {
    await start({ corsOrigins: ['https://intranet.example'] });
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/collections/default/documents/document-1`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'DELETE',
          'Access-Control-Request-Headers': 'authorization',
        },
      });
    const allowed = await preflight('https://intranet.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://intranet.example');
    expect(allowed.headers.get('access-control-allow-methods')).toContain('DELETE');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('authorization');
    const foreign = await preflight('https://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });
});
