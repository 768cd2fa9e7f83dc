import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  postgresServerInstalled,
  startTemporaryPostgresServer,
  type TemporaryPostgresServer,
} from '@andes-rag/store-postgres/testing';
import { temporaryDirectory } from '../support/repository.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

// Two `andes serve` processes (separate data directories: nothing shared on disk) on one real PostgreSQL 15
// server (ANDES_STORE=postgres://…), over real HTTP. Under CI=true PostgreSQL must be there (scripts/setup.sh
// installs it): the test then fails rather than skips.
const available = postgresServerInstalled() || process.env.CI === 'true';
if (!available)
  console.warn('Skipping the two-replica test: PostgreSQL 15 is not installed (apt-get install postgresql-15)');

const adminKey = 'replicas-test-admin-key-0123456789';

describe.runIf(available)('two API replicas on one PostgreSQL database', () => {
  let postgres: TemporaryPostgresServer;
  let directories: Array<{ path: string; remove: () => Promise<void> }> = [];
  let replicas: ServerProcess[] = [];
  const call = async (replica: number, route: string, init: RequestInit & { key?: string } = {}) => {
    const { key = adminKey, ...rest } = init;
    const response = await fetch(`${replicas[replica]!.url}${route}`, {
      ...rest,
      headers: {
        ...(rest.headers as Record<string, string>),
        Authorization: `Bearer ${key}`,
        ...(typeof rest.body === 'string' ? { 'Content-Type': 'application/json' } : {}),
      },
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as Record<string, any> };
  };
  const upload = (replica: number, name: string, text: string, fields: Record<string, string> = {}) => {
    const form = new FormData();
    form.append('files', new Blob([text]), name);
    for (const [field, value] of Object.entries(fields)) form.append(field, value);
    return call(replica, '/api/collections/handbook/documents', { method: 'POST', body: form });
  };
  const sources = async (replica: number, query: string, key = adminKey) => {
    const found = await call(replica, `/api/search?collection=handbook&k=10&q=${encodeURIComponent(query)}`, { key });
    expect(found.status).toBe(200);
    return (found.body.hits as Array<{ source: string }>).map((hit) => hit.source);
  };

  beforeAll(async () => {
    postgres = await startTemporaryPostgresServer();
    directories = await Promise.all([temporaryDirectory(), temporaryDirectory()]);
    // Both start at once: their schema migrations race, and the advisory lock lets one migrate.
    replicas = await Promise.all(
      directories.map((directory) =>
        startServerProcess(['--data-dir', directory.path], { ANDES_STORE: postgres.url, ANDES_ADMIN_KEY: adminKey }),
      ),
    );
  }, 120_000);

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await Promise.all(directories.map((directory) => directory.remove()));
    await postgres?.stop();
  });

  test('a document ingested through one replica is found, listed and deleted through the other', async () => {
    const uploaded = await upload(0, 'okapi.md', '# Okapi policy\n\nThe okapi enclosure opens at nine for keepers.');
    expect(uploaded.status).toBe(201);
    expect(await sources(1, 'okapi enclosure')).toEqual(['okapi.md']);
    const listed = await call(1, '/api/collections/handbook/documents');
    expect(listed.body.documents.map((document: { source: string }) => document.source)).toEqual(['okapi.md']);
    const id = listed.body.documents[0].id as string;
    expect((await call(1, `/api/collections/handbook/documents/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await sources(0, 'okapi enclosure')).toEqual([]);
    expect((await call(0, '/api/collections/handbook/documents')).body.documents).toEqual([]);
    expect((await call(0, `/api/collections/handbook/documents/${id}`, { method: 'DELETE' })).status).toBe(404);
  });

  test('keys, access lists, assistants and conversations made through one replica hold on the other', async () => {
    expect(
      (await upload(1, 'salaries.md', '# Salaries\n\nThe salary bands of the wombat team.', { access: 'group:hr' }))
        .status,
    ).toBe(201);
    expect((await upload(1, 'lunch.md', '# Lunch\n\nThe wombat canteen serves lunch at noon.')).status).toBe(201);
    const hr = await call(0, '/api/keys', {
      method: 'POST',
      body: JSON.stringify({ name: 'hr', role: 'reader', groups: ['hr'] }),
    });
    const other = await call(0, '/api/keys', {
      method: 'POST',
      body: JSON.stringify({ name: 'other', role: 'reader' }),
    });
    expect([hr.status, other.status]).toEqual([201, 201]);
    expect((await sources(1, 'wombat', hr.body.key)).sort()).toEqual(['lunch.md', 'salaries.md']);
    expect(await sources(1, 'wombat', other.body.key)).toEqual(['lunch.md']);

    const assistant = await call(0, '/api/assistants', {
      method: 'POST',
      body: JSON.stringify({ name: 'canteen', systemPrompt: 'Answer briefly.', collections: ['handbook'] }),
    });
    expect(assistant.status).toBe(201);
    expect((await call(1, '/api/assistants/canteen')).body).toMatchObject({ name: 'canteen', liveVersion: 1 });

    const conversation = await call(0, '/api/conversations', {
      method: 'POST',
      key: hr.body.key,
      body: JSON.stringify({ collection: 'handbook' }),
    });
    expect(conversation.status).toBe(201);
    const asked = await call(1, `/api/conversations/${conversation.body.id}/messages`, {
      method: 'POST',
      key: hr.body.key,
      body: JSON.stringify({ content: 'When does the wombat canteen serve lunch?' }),
    });
    expect(asked.status).toBe(200);
    const readBack = await call(0, `/api/conversations/${conversation.body.id}`, { key: hr.body.key });
    expect(readBack.body.messages.map((message: { role: string }) => message.role)).toEqual(['user', 'assistant']);
    expect((await call(1, '/api/conversations', { key: other.body.key })).body.conversations).toEqual([]);

    expect((await call(1, `/api/keys/${hr.body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(0, '/api/search?collection=handbook&q=wombat', { key: hr.body.key })).status).toBe(401);
  });
});
