import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { samplesDirectory, temporaryDirectory } from '../support/repository.js';
import { runCli } from '../support/run-cli.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const adminKey = 'keys-test-admin-key-0123456789';

interface CreatedKey {
  id: string;
  key: string;
  role: string;
  collections: string[] | null;
  groups: string[];
}

describe('API keys and document access: andes ingest --access, then keys over real HTTP', () => {
  let dataDir: { path: string; remove: () => Promise<void> };
  let server: ServerProcess;
  const call = (key: string | undefined, route: string, init: RequestInit = {}) =>
    fetch(`${server.url}${route}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...(key ? { Authorization: `Bearer ${key}` } : {}) },
    });
  const createKey = async (body: Record<string, unknown>) => {
    const response = await call(adminKey, '/api/keys', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as CreatedKey;
  };
  const sources = async (key: string, query: string) => {
    const response = await call(key, `/api/search?collection=handbook&k=40&q=${encodeURIComponent(query)}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { hits: Array<{ source: string }> }).hits.map((hit) => hit.source);
  };

  beforeAll(async () => {
    dataDir = await temporaryDirectory();
    const cli = (...args: string[]) => runCli([...args, '--data-dir', dataDir.path, '--collection', 'handbook']);
    expect((await cli('ingest', path.join(samplesDirectory, 'benefits'), '--access', 'group:hr')).exitCode).toBe(0);
    expect((await cli('ingest', path.join(samplesDirectory, 'security'))).exitCode).toBe(0);
    const malformed = await cli('ingest', path.join(samplesDirectory, 'engineering'), '--access', 'hr');
    expect(malformed.exitCode).not.toBe(0);
    expect(malformed.stderr).toContain('group:<name> or key:<id>');
    server = await startServerProcess(['--data-dir', dataDir.path], { ANDES_ADMIN_KEY: adminKey });
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await dataDir?.remove();
  });

  test('a reader in group hr finds the restricted documents, another reader does not; a revoked key is refused', async () => {
    const hr = await createKey({ name: 'hr', role: 'reader', groups: ['hr'] });
    const other = await createKey({ name: 'other', role: 'reader', collections: ['handbook'] });
    expect(other.collections).toEqual(['handbook']);
    const query = 'parental leave learning budget access review';
    expect((await sources(hr.key, query)).some((source) => source.includes('benefits/'))).toBe(true);
    const seen = await sources(other.key, query);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.some((source) => source.includes('benefits/'))).toBe(false);

    const listed = await (await call(adminKey, '/api/keys')).text();
    expect(listed).toContain(hr.id);
    expect(listed).not.toContain(hr.key);
    expect((await call(adminKey, `/api/keys/${hr.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(hr.key, '/api/collections')).status).toBe(401);
    expect((await call(undefined, '/api/collections')).status).toBe(401);
  });

  test('an editor uploads with an access list, a reader may not upload, and a malformed principal is a 400', async () => {
    const editor = await createKey({ name: 'editor', role: 'editor', collections: ['handbook'], groups: ['legal'] });
    const reader = await createKey({ name: 'reader', role: 'reader', collections: ['handbook'] });
    const form = (access: string) => {
      const body = new FormData();
      body.append(
        'files',
        new Blob(['# Litigation hold\n\nThe quillwort matter is under litigation hold.']),
        'legal/hold.md',
      );
      body.append('access', access);
      return body;
    };
    expect(
      (await call(reader.key, '/api/collections/handbook/documents', { method: 'POST', body: form('group:legal') }))
        .status,
    ).toBe(403);
    expect(
      (await call(editor.key, '/api/collections/handbook/documents', { method: 'POST', body: form('legal') })).status,
    ).toBe(400);
    expect(
      (await call(editor.key, '/api/collections/handbook/documents', { method: 'POST', body: form('group:legal') }))
        .status,
    ).toBe(201);
    expect(await sources(editor.key, 'quillwort litigation')).toEqual(['legal/hold.md']);
    expect(await sources(reader.key, 'quillwort litigation')).toEqual([]);
    const documents = (await (await call(adminKey, '/api/collections/handbook/documents')).json()) as {
      documents: Array<{ source: string; access?: string[] }>;
    };
    expect(documents.documents.find((document) => document.source === 'legal/hold.md')?.access).toEqual([
      'group:legal',
    ]);
  });
});
