import { afterEach, describe, expect, it } from 'vitest';
import { expectErrorResponse } from '../testing/http-assertions.js';
import { startTestServer, type TestServer } from '../testing/start-test-server.js';

const adminKey = 'test-admin-key-0123456789';

describe('admin key', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  it('answers 401 unauthorized without the key, with WWW-Authenticate, on /api', async () => {
    server = await startTestServer({ config: { adminKey } });
    const missing = await fetch(`${server.url}/api/collections`);
    const body = await expectErrorResponse(missing, 401, 'unauthorized');
    expect(body.error.message).toContain('Authorization: Bearer');
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const wrong = await fetch(`${server.url}/api/collections`, { headers: { Authorization: `Bearer ${adminKey}x` } });
    await expectErrorResponse(wrong, 401, 'unauthorized');
  });

  it('answers with the key, and stores nothing for a write without it', async () => {
    server = await startTestServer({ config: { adminKey } });
    const form = new FormData();
    form.append('files', new Blob(['# A']), 'a.md');
    const refused = await fetch(`${server.url}/api/collections/default/documents`, { method: 'POST', body: form });
    expect(refused.status).toBe(401);
    expect(server.service.ingestCalls).toEqual([]);
    const accepted = await fetch(`${server.url}/api/collections`, { headers: { Authorization: `Bearer ${adminKey}` } });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ collections: [expect.objectContaining({ name: 'default' })] });
  });

  it('answers /v1 in OpenAI’s shape', async () => {
    server = await startTestServer({ config: { adminKey } });
    const response = await fetch(`${server.url}/v1/models`, { headers: { Authorization: 'Bearer nope' } });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { message: 'The API key is not valid.', type: 'authentication_error', param: null, code: 'unauthorized' },
    });
  });

  it('leaves the probes, the web UI and CORS preflights open', async () => {
    server = await startTestServer({ config: { adminKey, corsOrigins: 'https://intranet.example' } });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    const preflight = await fetch(`${server.url}/api/ask`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://intranet.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(204);
  });

  it('is off without a key', async () => {
    server = await startTestServer();
    expect((await fetch(`${server.url}/api/collections`)).status).toBe(200);
  });
});
