import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureTestModels } from '@andes-rag/testing';
import { samplesDirectory, temporaryDirectory } from '../support/repository.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { readServerSentEvents, type ServerSentEvent } from '../support/sse.js';
import { folderFormData } from '../support/upload.js';

/**
 * The API the web app is built on, against a real server with the tiny chat model and keys: sources announced
 * before the first token (and only permitted ones), a document's text with its chunks' offsets, collections
 * renamed and deleted, the document list searched and paged, evaluation reports without server paths, `/api/me`.
 */
const adminKey = 'web-api-test-admin-key-0123456789';
const restrictedText = [
  '# Travel approval for executives',
  '',
  'International travel for executives is approved by the zorblaxite committee, who approve travel two weeks',
  'ahead. Who approves international travel? The zorblaxite committee approves international travel.',
].join('\n');

interface Citation {
  n: number;
  documentId: string;
  chunkId: string;
  source: string;
}

describe('the web API', () => {
  let dataDirectory: Awaited<ReturnType<typeof temporaryDirectory>>;
  let server: ServerProcess;
  const keys: Record<string, { id: string; key: string }> = {};
  let restrictedId = '';

  const call = (key: string, route: string, init: RequestInit = {}) =>
    fetch(`${server.url}${route}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${key}` },
    });
  const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const streamed = { Accept: 'text/event-stream' };

  beforeAll(async () => {
    const models = await ensureTestModels();
    dataDirectory = await temporaryDirectory();
    server = await startServerProcess(['--data-dir', dataDirectory.path, '--model', models.chatModelPath], {
      ANDES_ADMIN_KEY: adminKey,
      ANDES_RATE_LIMIT_PER_MINUTE: '0',
      ANDES_MAX_TOKENS: '12',
    });
    for (const [name, body] of Object.entries({
      hr: { role: 'reader', collections: ['handbook'], groups: ['hr'] },
      reader: { role: 'reader', collections: ['handbook'] },
      editor: { role: 'editor', collections: ['handbook', 'scratch'] },
    })) {
      const response = await call(adminKey, '/api/keys', json('POST', { name, ...body }));
      expect(response.status).toBe(201);
      keys[name] = (await response.json()) as { id: string; key: string };
    }
    const { form } = await folderFormData(samplesDirectory);
    expect((await call(adminKey, '/api/collections/handbook/documents', { method: 'POST', body: form })).status).toBe(
      201,
    );
    const restricted = new FormData();
    restricted.append('files', new Blob([restrictedText]), 'restricted/executive-travel.md');
    restricted.append('access', 'group:hr');
    const upload = await call(adminKey, '/api/collections/handbook/documents', { method: 'POST', body: restricted });
    expect(upload.status).toBe(201);
    restrictedId = ((await upload.json()) as { files: Array<{ documentId: string }> }).files[0]?.documentId ?? '';
    expect(restrictedId).not.toBe('');
  });

  afterAll(async () => {
    await server?.stop();
    await dataDirectory?.remove();
  });

  /** The events of one streamed answer: `citations` first, then only tokens, then `done` with the same citations. */
  function expectCitationsFirst(events: ServerSentEvent[]): { announced: Citation[]; done: { citations: Citation[] } } {
    expect(events[0]?.event).toBe('citations');
    expect(events.at(-1)?.event).toBe('done');
    const middle = events.slice(1, -1).map((event) => event.event);
    expect(middle).toEqual(middle.map(() => 'token'));
    expect(middle.length).toBeGreaterThan(0);
    const announced = (JSON.parse(events[0]?.data ?? '{}') as { citations: Citation[] }).citations;
    const done = JSON.parse(events.at(-1)?.data ?? '{}') as { citations: Citation[] };
    for (const citation of done.citations) expect(announced[citation.n - 1]).toEqual(citation);
    return { announced, done };
  }

  test('a streamed answer announces its sources before the first token, only those the key may read', async () => {
    const question = 'Who approves international travel?';
    const ask = (key: string) =>
      call(key, '/api/ask', json('POST', { question, collection: 'handbook', k: 8 }, streamed));

    const hr = expectCitationsFirst(await readServerSentEvents(await ask(keys.hr?.key ?? '')));
    expect(hr.announced.map((citation) => citation.documentId)).toContain(restrictedId);
    expect(hr.announced.every((citation) => citation.chunkId.length > 0)).toBe(true);

    const reader = expectCitationsFirst(await readServerSentEvents(await ask(keys.reader?.key ?? '')));
    expect(reader.announced.length).toBeGreaterThan(0);
    expect(reader.announced.map((citation) => citation.documentId)).not.toContain(restrictedId);

    const conversation = await call(
      keys.reader?.key ?? '',
      '/api/conversations',
      json('POST', { collection: 'handbook' }),
    );
    expect(conversation.status).toBe(201);
    const { id } = (await conversation.json()) as { id: string };
    const message = await call(
      keys.reader?.key ?? '',
      `/api/conversations/${id}/messages`,
      json('POST', { content: question }, streamed),
    );
    const turn = expectCitationsFirst(await readServerSentEvents(message));
    expect(turn.announced.length).toBeGreaterThan(0);
    expect(turn.announced.map((citation) => citation.documentId)).not.toContain(restrictedId);
  });

  test('a question the documents do not cover announces an empty list of sources first', async () => {
    const response = await call(
      adminKey,
      '/api/ask',
      json('POST', { question: 'quantum chromodynamics lattice gauge', collection: 'handbook' }, streamed),
    );
    const events = await readServerSentEvents(response);
    expect(events.map((event) => event.event)).toEqual(['citations', 'token', 'done']);
    expect(JSON.parse(events[0]?.data ?? '{}')).toEqual({ citations: [] });
  });
});
