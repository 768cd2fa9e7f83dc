import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiKeyRecord, ApiKeyStore, CreatedApiKey, NewApiKey } from '@andes-rag/core';
import { FakeAndesService } from '../testing/fake-andes-service.js';
import { expectErrorResponse } from '../testing/http-assertions.js';
import { startTestServer, type TestServer } from '../testing/start-test-server.js';

const adminKey = 'test-admin-key-0123456789';

/** Keys in memory: the routes and the auth around them are under test here, the SQLite store has its own test. */
class MemoryKeyStore implements ApiKeyStore {
  readonly keys = new Map<string, CreatedApiKey>();
  async create(key: NewApiKey): Promise<CreatedApiKey> {
    const created: CreatedApiKey = {
      id: randomUUID(),
      key: `andes_${randomUUID()}`,
      name: key.name,
      role: key.role,
      collections: key.collections ?? null,
      groups: key.groups ?? [],
      createdAt: new Date().toISOString(),
    };
    this.keys.set(created.id, created);
    return created;
  }
  async list(): Promise<ApiKeyRecord[]> {
    return [...this.keys.values()].map(({ key: _secret, ...record }) => record);
  }
  async revoke(id: string): Promise<boolean> {
    return this.keys.delete(id);
  }
  async authenticate(secret: string): Promise<ApiKeyRecord | undefined> {
    const found = [...this.keys.values()].find((key) => key.key === secret);
    if (found === undefined) return undefined;
    const { key: _secret, ...record } = found;
    return record;
  }
}

class KeyedService extends FakeAndesService {
  readonly keyStore = new MemoryKeyStore();
  async apiKeys(): Promise<ApiKeyStore> {
    return this.keyStore;
  }
}

const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

describe('API keys and roles', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  async function createKey(body: Record<string, unknown>): Promise<CreatedApiKey> {
    const response = await fetch(`${server.url}/api/keys`, {
      method: 'POST',
      headers: { ...bearer(adminKey), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as CreatedApiKey;
  }

  it('an admin creates, lists (without secrets) and revokes keys; a revoked key is refused at once', async () => {
    server = await startTestServer({ config: { adminKey }, service: new KeyedService(['default', 'handbook']) });
    const reader = await createKey({ name: 'hr-bot', role: 'reader', collections: ['handbook'], groups: ['hr'] });
    expect(reader).toMatchObject({ name: 'hr-bot', role: 'reader', collections: ['handbook'], groups: ['hr'] });
    expect(reader.key).toEqual(expect.stringMatching(/^andes_/));
    const everything = await createKey({ name: 'ops', role: 'editor' });
    expect(everything.collections).toBeNull();

    const listed = await fetch(`${server.url}/api/keys`, { headers: bearer(adminKey) });
    const text = await listed.text();
    expect(JSON.parse(text)).toEqual({
      keys: [expect.objectContaining({ id: reader.id }), expect.objectContaining({ id: everything.id })],
    });
    expect(text).not.toContain(reader.key);
    expect(text).not.toContain(everything.key);

    expect((await fetch(`${server.url}/api/collections`, { headers: bearer(reader.key) })).status).toBe(200);
    const revoked = await fetch(`${server.url}/api/keys/${reader.id}`, { method: 'DELETE', headers: bearer(adminKey) });
    expect(revoked.status).toBe(204);
    await expectErrorResponse(
      await fetch(`${server.url}/api/collections`, { headers: bearer(reader.key) }),
      401,
      'unauthorized',
    );
    await expectErrorResponse(
      await fetch(`${server.url}/api/keys/${reader.id}`, { method: 'DELETE', headers: bearer(adminKey) }),
      404,
      'not_found',
    );
  });

  it('refuses a malformed key request with 400 and key management by non-admins with 403', async () => {
    server = await startTestServer({ config: { adminKey }, service: new KeyedService() });
    const bad = await fetch(`${server.url}/api/keys`, {
      method: 'POST',
      headers: { ...bearer(adminKey), 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'x', role: 'owner' }),
    });
    await expectErrorResponse(bad, 400, 'invalid_request');
    const editor = await createKey({ name: 'editor', role: 'editor' });
    const attempt = await fetch(`${server.url}/api/keys`, {
      method: 'POST',
      headers: { ...bearer(editor.key), 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'escalate', role: 'admin' }),
    });
    await expectErrorResponse(attempt, 403, 'forbidden');
    await expectErrorResponse(await fetch(`${server.url}/api/keys`, { headers: bearer(editor.key) }), 403, 'forbidden');
    await expectErrorResponse(
      await fetch(`${server.url}/api/eval/reports`, { headers: bearer(editor.key) }),
      403,
      'forbidden',
    );
  });

  it('a reader may not upload (403, nothing stored); a collection outside its key is 404 before the body is read', async () => {
    const service = new KeyedService(['default', 'handbook']);
    server = await startTestServer({ config: { adminKey }, service });
    const reader = await createKey({ name: 'reader', role: 'reader', collections: ['handbook'] });
    const form = () => {
      const body = new FormData();
      body.append('files', new Blob(['# A']), 'a.md');
      return body;
    };
    const upload = (collection: string) =>
      fetch(`${server.url}/api/collections/${collection}/documents`, {
        method: 'POST',
        headers: bearer(reader.key),
        body: form(),
      });
    await expectErrorResponse(await upload('handbook'), 403, 'forbidden');
    const hidden = await expectErrorResponse(await upload('default'), 404, 'collection_not_found');
    expect(service.ingestCalls).toEqual([]);

    const listHidden = await fetch(`${server.url}/api/collections/default/documents`, { headers: bearer(reader.key) });
    const hiddenBody = await expectErrorResponse(listHidden, 404, 'collection_not_found');
    expect(hiddenBody).toEqual(hidden);
    const collections = await (await fetch(`${server.url}/api/collections`, { headers: bearer(reader.key) })).json();
    expect(collections).toEqual({ collections: [expect.objectContaining({ name: 'handbook' })] });
  });

  it('limits requests per key: 429 with Retry-After past the limit, other keys unaffected', async () => {
    server = await startTestServer({ config: { adminKey, rateLimitPerMinute: 3 }, service: new KeyedService() });
    const reader = await createKey({ name: 'reader', role: 'reader' });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      statuses.push((await fetch(`${server.url}/api/collections`, { headers: bearer(reader.key) })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await fetch(`${server.url}/api/collections`, { headers: bearer(reader.key) });
    await expectErrorResponse(limited, 429, 'queue_full');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const other = await createKey({ name: 'other', role: 'reader' });
    expect((await fetch(`${server.url}/api/collections`, { headers: bearer(other.key) })).status).toBe(200);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
