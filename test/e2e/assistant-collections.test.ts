import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { samplesDirectory, temporaryDirectory } from '../support/repository.js';
import { runCli } from '../support/run-cli.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

// Assistants over several collections, through a real server (extractive answers, no model): one ranked list whose
// citations name their collection; a key that may not read every collection of the version that would answer gets
// the 404 of a missing assistant, on /api/ask, /v1 and conversations, and a pinned version is judged by its own.
const adminKey = 'assistant-collections-admin-key-0123456789';
const leaveQuestion = 'How many weeks of parental leave do we get?';
const incidentQuestion = 'What is the SEV1 response time for incidents?';

/** The fields these routes answer with that the test reads. */
interface Body {
  key?: string;
  id?: string;
  version?: number;
  assistant?: unknown;
  andes_assistant?: unknown;
  citations?: Array<{ collection?: string; source: string }>;
  choices?: Array<{ message: { andes_citations?: Array<{ collection?: string }> } }>;
  data?: Array<{ id: string }>;
  versions?: Array<{ version: number }>;
}

interface Reply {
  status: number;
  body: Body;
}

describe('assistants over several collections, with the caller’s permissions on every one', () => {
  let dataDir: { path: string; remove: () => Promise<void> };
  let server: ServerProcess;
  let both: string;
  let peopleOnly: string;

  const call = async (key: string, method: string, route: string, body?: unknown): Promise<Reply> => {
    const response = await fetch(`${server.url}${route}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? {} : JSON.parse(text)) as Body };
  };
  const ask = (key: string, body: Record<string, unknown>) => call(key, 'POST', '/api/ask', body);
  const cited = (reply: Reply) =>
    (reply.body.citations ?? []).map((citation) => `${citation.collection}:${path.basename(citation.source)}`);

  beforeAll(async () => {
    dataDir = await temporaryDirectory();
    const ingest = (folder: string, collection: string) =>
      runCli(['ingest', path.join(samplesDirectory, folder), '--data-dir', dataDir.path, '--collection', collection]);
    expect((await ingest('benefits', 'people')).exitCode).toBe(0);
    expect((await ingest('security', 'security')).exitCode).toBe(0);
    server = await startServerProcess(['--data-dir', dataDir.path], { ANDES_ADMIN_KEY: adminKey });
    const key = async (name: string, collections: string[]) =>
      (await call(adminKey, 'POST', '/api/keys', { name, role: 'reader', collections })).body.key ?? '';
    both = await key('both', ['people', 'security']);
    peopleOnly = await key('people-only', ['people']);
    const created = await call(adminKey, 'POST', '/api/assistants', {
      name: 'helper',
      collections: ['people', 'security'],
      retrieval: { k: 4 },
    });
    expect(created.status).toBe(201);
    expect((await call(adminKey, 'POST', '/api/assistants', { name: 'narrow', collections: ['people'] })).status).toBe(
      201,
    );
    const widened = await call(adminKey, 'PUT', '/api/assistants/narrow', { collections: ['people', 'security'] });
    expect(widened.body.version).toBe(2);
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    await dataDir?.remove();
  });

  test('one assistant answers from each of its collections; citations name the collection', async () => {
    const leave = await ask(both, { assistant: 'helper', question: leaveQuestion });
    expect(leave.status).toBe(200);
    expect(cited(leave)[0]).toBe('people:parental-leave.txt');
    expect(leave.body.assistant).toEqual({ name: 'helper', version: 1 });
    const incident = await ask(both, { assistant: 'helper', question: incidentQuestion });
    expect(cited(incident)[0]).toBe('security:incident-response.md');

    const chat = await call(both, 'POST', '/v1/chat/completions', {
      model: 'helper',
      messages: [{ role: 'user', content: incidentQuestion }],
    });
    expect(chat.status).toBe(200);
    expect(chat.body.choices?.[0]?.message.andes_citations?.[0]).toMatchObject({ collection: 'security' });
    expect(chat.body.andes_assistant).toEqual({ name: 'helper', version: 1 });
  });

  test('a key that may not read one of the collections gets the 404 of a missing assistant everywhere', async () => {
    const missing = await ask(peopleOnly, { assistant: 'no-such-assistant', question: leaveQuestion });
    const hidden = await ask(peopleOnly, { assistant: 'helper', question: leaveQuestion });
    expect(hidden.status).toBe(404);
    expect(JSON.stringify(hidden.body)).toBe(JSON.stringify(missing.body).replaceAll('no-such-assistant', 'helper'));
    const chat = await call(peopleOnly, 'POST', '/v1/chat/completions', {
      model: 'helper',
      messages: [{ role: 'user', content: leaveQuestion }],
    });
    expect(chat.status).toBe(404);
    const models = (await call(peopleOnly, 'GET', '/v1/models')).body.data ?? [];
    expect(models.map((model) => model.id)).not.toContain('helper');
    expect(models.map((model) => model.id)).toContain('narrow');
    expect((await call(peopleOnly, 'GET', '/api/assistants/helper')).status).toBe(404);
    expect((await call(peopleOnly, 'POST', '/api/conversations', { assistant: 'helper' })).status).toBe(404);
    expect((await call(both, 'POST', '/api/conversations', { assistant: 'helper' })).status).toBe(201);
  });

  test('a pinned version is judged by its own collections, not the live version’s', async () => {
    // narrow: version 1 (live) reads people; version 2 (not released) also reads security.
    expect((await ask(peopleOnly, { assistant: 'narrow', question: leaveQuestion })).status).toBe(200);
    const pinnedOne = await ask(peopleOnly, { assistant: 'narrow', version: 1, question: leaveQuestion });
    expect(pinnedOne.body.assistant).toEqual({ name: 'narrow', version: 1 });
    const pinnedTwo = await ask(peopleOnly, { assistant: 'narrow', version: 2, question: leaveQuestion });
    const absent = await ask(peopleOnly, { assistant: 'narrow', version: 9, question: leaveQuestion });
    expect(pinnedTwo.status).toBe(404);
    expect(JSON.stringify(pinnedTwo.body)).toBe(JSON.stringify(absent.body).replaceAll('9', '2'));
    const versions = (await call(peopleOnly, 'GET', '/api/assistants/narrow/versions')).body.versions ?? [];
    expect(versions.map((version) => version.version)).toEqual([1]);
    const asBoth = await ask(both, { assistant: 'narrow', version: 2, question: incidentQuestion });
    expect(cited(asBoth)[0]).toBe('security:incident-response.md');

    // A conversation begun with version 1 live is not answered once version 2 (wider) goes live.
    const conversation = (await call(peopleOnly, 'POST', '/api/conversations', { assistant: 'narrow' })).body;
    const send = () =>
      call(peopleOnly, 'POST', `/api/conversations/${conversation.id ?? ''}/messages`, { content: leaveQuestion });
    expect((await send()).status).toBe(200);
    expect((await call(adminKey, 'POST', '/api/assistants/narrow/release', { version: 2 })).status).toBe(200);
    expect((await send()).status).toBe(404);
    expect((await ask(peopleOnly, { assistant: 'narrow', question: leaveQuestion })).status).toBe(404);
    // Pinned to the version it may read, the key still gets answers.
    expect((await ask(peopleOnly, { assistant: 'narrow', version: 1, question: leaveQuestion })).status).toBe(200);
  });
});
