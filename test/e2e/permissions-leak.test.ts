import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { samplesDirectory, temporaryDirectory } from '../support/repository.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { folderFormData } from '../support/upload.js';

/**
 * Document permissions end to end: restricted documents carry canary words; every route is probed with keys that
 * may and may not read them, and any response (status, body, stream, error) that shows a canary, a restricted
 * source or a restricted document id to a key that may not read it counts as a leak. The routes: search, ask and
 * chat on a collection, the same through assistants (one over `handbook`, one over `handbook` and `public`), and
 * conversations (create, messages as JSON and SSE, list, get, and another key's conversation). Extractive mode:
 * no models.
 */
const adminKey = 'leak-test-admin-key-0123456789';
const canaries = ['zorblaxite', 'quimberfeld', 'vantrosque', 'plindermoot', 'kestrovane', 'drumbellow'];
const genericQueries = [
  'expense policy',
  'travel reimbursement policy',
  'compensation review',
  'salary bands for engineers',
  'who approves expenses',
  'incident response on call',
  'parental leave weeks',
  'learning budget per year',
  'access control review',
  'deployment guide rollback',
  'what is the policy for hotels',
  'bonus payout schedule',
];
const queries = [
  ...canaries,
  ...canaries.map((canary) => `${canary} expense policy`),
  ...canaries.map((canary) => `What does the handbook say about ${canary.toUpperCase()}?`),
  ...genericQueries,
];

/** The questions asked through assistants: the canaries and generic ones that rank restricted documents first. */
const assistantQueries = [...canaries, ...genericQueries.slice(0, 6)];
/** The questions asked in conversations (each makes a conversation, so fewer: they are the slowest probes). */
const conversationQueries = [...canaries, ...genericQueries.slice(0, 2)];

/** The assistants probed, by name: their collections. */
const assistantCollections = { 'handbook-helper': ['handbook'], 'everything-helper': ['handbook', 'public'] };

/** Routes that answer a question, and the assistant each uses (none: the `handbook` collection itself). */
const answeringRoutes: Record<string, keyof typeof assistantCollections | undefined> = {
  'search explain': undefined,
  ask: undefined,
  'ask stream': undefined,
  chat: undefined,
  'chat stream': undefined,
  'assistant ask': 'handbook-helper',
  'assistant ask stream': 'everything-helper',
  'assistant chat': 'handbook-helper',
  'assistant chat stream': 'everything-helper',
  'conversation message': 'handbook-helper',
  'conversation message stream': undefined,
};

/** A restricted document: generic policy words (so it ranks high for generic questions) around two canaries. */
function restrictedDocument(position: number): { name: string; text: string } {
  const first = canaries[position % canaries.length] ?? '';
  const second = canaries[(position + 1) % canaries.length] ?? '';
  return {
    name: `restricted/comp-bands-${position}.md`,
    text: [
      `# ${first} compensation bands ${position}`,
      '',
      `The ${first} expense policy and travel reimbursement policy for salary bands: compensation review happens`,
      `every March, bonus payout schedule is quarterly, and who approves expenses is the ${second} committee.`,
      `Expense policy, travel policy, hotels, salary bands for engineers, ${first} ${second}.`,
    ].join('\n'),
  };
}

interface Key {
  id: string;
  key: string;
}

interface Probe {
  key: string;
  route: string;
  query: string;
  status: number;
  body: string;
}

describe('document permissions: no route shows a restricted document to a key that may not read it', () => {
  let dataDir: { path: string; remove: () => Promise<void> };
  let server: ServerProcess;
  const keys: Record<string, Key> = {};
  const restrictedIds: string[] = [];
  let permitted: string[] = [];
  let refused: string[] = [];

  const call = (key: string, path: string, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${key}` },
    });
  const json = (body: unknown) => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

  beforeAll(async () => {
    dataDir = await temporaryDirectory();
    server = await startServerProcess(['--data-dir', dataDir.path], {
      ANDES_ADMIN_KEY: adminKey,
      ANDES_RATE_LIMIT_PER_MINUTE: '0',
    });
    const create = async (name: string, body: Record<string, unknown>) => {
      const response = await call(adminKey, '/api/keys', json({ name, ...body }));
      expect(response.status).toBe(201);
      keys[name] = (await response.json()) as Key;
    };
    await create('hr', { role: 'reader', collections: ['handbook'], groups: ['hr'] });
    await create('byKey', { role: 'reader', groups: ['finance'] });
    await create('sales', { role: 'reader', collections: ['handbook'], groups: ['sales'] });
    await create('editor', { role: 'editor', groups: ['engineering'] });
    await create('outsider', { role: 'reader', collections: ['public'], groups: ['hr'] });
    keys.admin = { id: 'admin', key: adminKey };
    permitted = ['admin', 'hr', 'byKey'];
    refused = ['sales', 'editor', 'outsider'];

    const { form } = await folderFormData(samplesDirectory);
    const samples = await call(adminKey, '/api/collections/handbook/documents', { method: 'POST', body: form });
    const samplesReport = (await samples.json()) as { files: Array<{ source: string; status: string }> };
    expect(samplesReport.files.filter((file) => file.status === 'failed')).toEqual([]);
    const restricted = new FormData();
    for (let position = 0; position < 12; position++) {
      const { name, text } = restrictedDocument(position);
      restricted.append('files', new Blob([text]), name);
    }
    restricted.append('access', `group:hr,key:${keys.byKey?.id}`);
    const upload = await call(adminKey, '/api/collections/handbook/documents', { method: 'POST', body: restricted });
    expect(upload.status).toBe(201);
    const report = (await upload.json()) as { files: Array<{ documentId: string }> };
    restrictedIds.push(...report.files.map((file) => file.documentId));
    const publicForm = new FormData();
    publicForm.append('files', new Blob(['# Public notes\n\nThe cafeteria opens at eight.']), 'notes.md');
    expect(
      (await call(adminKey, '/api/collections/public/documents', { method: 'POST', body: publicForm })).status,
    ).toBe(201);
    for (const [name, collections] of Object.entries(assistantCollections)) {
      const created = await call(adminKey, '/api/assistants', json({ name, collections, retrieval: { k: 8 } }));
      expect(created.status).toBe(201);
    }
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await dataDir?.remove();
  });

  /** Every route that can show document content, for one query. */
  const routesFor = (query: string): Array<[string, string, RequestInit]> => {
    const q = encodeURIComponent(query);
    const chat = (stream: boolean, model = 'andes:handbook') =>
      json({ model, messages: [{ role: 'user', content: query }], stream });
    const streamed = (body: unknown): RequestInit => ({
      ...json(body),
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    });
    const assistantRoutes: Array<[string, string, RequestInit]> = [
      ['assistant ask', '/api/ask', json({ question: query, assistant: 'handbook-helper' })],
      ['assistant ask stream', '/api/ask', streamed({ question: query, assistant: 'everything-helper' })],
      ['assistant chat', '/v1/chat/completions', chat(false, 'handbook-helper')],
      ['assistant chat stream', '/v1/chat/completions', chat(true, 'everything-helper')],
    ];
    return [
      ...(assistantQueries.includes(query) ? assistantRoutes : []),
      ['search', `/api/search?collection=handbook&k=20&q=${q}`, {}],
      ['search explain', `/api/search?collection=handbook&k=20&explain=1&q=${q}`, {}],
      ['ask', '/api/ask', json({ question: query, collection: 'handbook', k: 8 })],
      [
        'ask stream',
        '/api/ask',
        {
          ...json({ question: query, collection: 'handbook' }),
          headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        },
      ],
      ['chat', '/v1/chat/completions', chat(false)],
      ['chat stream', '/v1/chat/completions', chat(true)],
    ];
  };

  /** Routes that list or count, once per key. */
  const listingRoutes: Array<[string, string, RequestInit]> = [
    ['collections', '/api/collections', {}],
    ['documents', '/api/collections/handbook/documents', {}],
    ['models', '/v1/models', {}],
    ['model', '/v1/models/andes:handbook', {}],
    ['eval reports', '/api/eval/reports', {}],
  ];

  /** Conversation ids each key made, for the list, get and cross-owner probes. */
  const conversations: Record<string, string[]> = {};
  /** The question asked in each conversation: its stored user message echoes the caller's own words back. */
  const askedIn = new Map<string, string>();

  /**
   * A conversation with an assistant (JSON answer) or a collection (SSE answer), made by the key and asked one
   * question: a probe for the creation and one for the message.
   */
  const conversationProbes = async (name: string, key: string, query: string, target: object): Promise<Probe[]> => {
    const created = await call(key, '/api/conversations', json(target));
    const createdBody = await created.text();
    const probes: Probe[] = [
      { key: name, route: 'conversation create', query: '', status: created.status, body: createdBody },
    ];
    if (created.status !== 201) return probes;
    const id = (JSON.parse(createdBody) as { id: string }).id;
    (conversations[name] ??= []).push(id);
    askedIn.set(id, query);
    const sse = 'collection' in target;
    const message = await call(key, `/api/conversations/${id}/messages`, {
      ...json({ content: query }),
      ...(sse ? { headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' } } : {}),
    });
    const route = sse ? 'conversation message stream' : 'conversation message';
    return [...probes, { key: name, route, query, status: message.status, body: await message.text() }];
  };

  /** After the messages: each key lists and reads its conversations, and tries another key's. */
  async function conversationReadProbes(): Promise<Probe[]> {
    const probe = async (name: string, route: string, path: string, query = ''): Promise<Probe> => {
      const response = await call(keys[name]?.key ?? '', path);
      return { key: name, route, query, status: response.status, body: await response.text() };
    };
    const others = conversations.hr ?? [];
    return Promise.all(
      [...permitted, ...refused].flatMap((name) => [
        probe(name, 'conversation list', '/api/conversations'),
        ...(conversations[name] ?? []).map((id) =>
          probe(name, 'conversation get', `/api/conversations/${id}`, askedIn.get(id)),
        ),
        ...(name === 'hr' ? [] : others.slice(0, 10)).map((id) =>
          probe(name, 'other conversation get', `/api/conversations/${id}`),
        ),
      ]),
    );
  }

  async function runProbes(): Promise<Probe[]> {
    const work: Array<() => Promise<Probe | Probe[]>> = [];
    for (const name of [...permitted, ...refused]) {
      const key = keys[name]?.key ?? '';
      for (const query of conversationQueries) {
        work.push(() => conversationProbes(name, key, query, { assistant: 'handbook-helper' }));
        work.push(() => conversationProbes(name, key, query, { collection: 'handbook' }));
      }
      const routes = [
        ...queries.flatMap((query) => routesFor(query).map((route) => [query, ...route] as const)),
        ...listingRoutes.map((route) => ['', ...route] as const),
      ];
      for (const [query, route, path, init] of routes) {
        work.push(async () => {
          const response = await call(key, path, init);
          return { key: name, route, query, status: response.status, body: await response.text() };
        });
      }
    }
    const probes: Probe[] = [];
    const workers = Array.from({ length: 8 }, async () => {
      for (let next = work.shift(); next !== undefined; next = work.shift()) probes.push(...[await next()].flat());
    });
    await Promise.all(workers);
    return [...probes, ...(await conversationReadProbes())];
  }

  /**
   * The body without the strings that only echo the caller's own query back (the explain trace's `query`): a canary
   * the caller typed is not a leak. Everything else, in JSON bodies and in each event of a stream, stays.
   */
  const withoutEcho = (body: string, query: string): string => {
    const strip = (value: unknown): unknown => {
      if (typeof value === 'string') return value === query ? '' : value;
      if (Array.isArray(value)) return value.map(strip);
      if (value !== null && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, strip(entry)]));
      return value;
    };
    const parsed = (text: string): string => {
      try {
        return JSON.stringify(strip(JSON.parse(text)));
      } catch {
        return text;
      }
    };
    if (query === '') return body;
    return body.includes('\ndata:') || body.startsWith('data:') || body.startsWith('event:')
      ? body
          .split('\n')
          .map((line) => (line.startsWith('data: ') ? `data: ${parsed(line.slice(6))}` : line))
          .join('\n')
      : parsed(body);
  };

  const showsRestricted = (body: string) => {
    const lower = body.toLowerCase();
    return (
      canaries.some((canary) => lower.includes(canary)) ||
      lower.includes('restricted/') ||
      lower.includes('comp-bands') ||
      restrictedIds.some((id) => body.includes(id))
    );
  };

  test('over a thousand probes: no leak to refused keys, and permitted keys do find the canaries', async () => {
    const probes = await runProbes();
    const leaks = probes.filter(
      (probe) => refused.includes(probe.key) && showsRestricted(withoutEcho(probe.body, probe.query)),
    );
    const serverErrors = probes.filter((probe) => probe.status >= 500);
    const canaryFound = probes.filter(
      (probe) =>
        permitted.includes(probe.key) &&
        canaries.includes(probe.query) &&
        probe.route === 'search' &&
        showsRestricted(withoutEcho(probe.body, probe.query)),
    );
    // Every answering route, asked a canary by a key that may read it (and may use the route's assistant), shows it.
    const mayUse = (name: string, route: string) => {
      const assistant = answeringRoutes[route];
      return (
        assistant === undefined ||
        assistantCollections[assistant].every((collection) => usable[name]?.includes(collection))
      );
    };
    const usable: Record<string, string[]> = {
      admin: ['handbook', 'public'],
      hr: ['handbook'],
      byKey: ['handbook', 'public'],
    };
    const expectedAnswers = probes.filter(
      (probe) =>
        permitted.includes(probe.key) &&
        canaries.includes(probe.query) &&
        Object.hasOwn(answeringRoutes, probe.route) &&
        mayUse(probe.key, probe.route),
    );
    const answeredWithCanary = expectedAnswers.filter((probe) => showsRestricted(withoutEcho(probe.body, probe.query)));
    const routes = new Set(probes.map((probe) => probe.route));
    console.log(
      `permission leak probes: ${probes.length} over ${routes.size} routes, leaks: ${leaks.length}, permitted canary finds: ${canaryFound.length + answeredWithCanary.length}`,
    );
    expect(probes.length).toBeGreaterThanOrEqual(1000);
    expect(leaks.map((probe) => `${probe.key} ${probe.route} ${probe.query}: ${probe.body.slice(0, 200)}`)).toEqual([]);
    expect(serverErrors.map((probe) => `${probe.key} ${probe.route} ${probe.status}`)).toEqual([]);
    // Positive control: every permitted key finds every canary by search, and answers quote them.
    expect(canaryFound.length).toBe(permitted.length * canaries.length);
    expect(
      expectedAnswers
        .filter((probe) => !answeredWithCanary.includes(probe))
        .map((probe) => `${probe.key} ${probe.route} ${probe.status}`),
    ).toEqual([]);
    // 5 collection routes and 6 assistant or conversation routes for admin and byKey; hr may not use everything-helper.
    expect(answeredWithCanary.length).toBe(canaries.length * (3 * 5 + 2 * 6 + 4));
    // A key that may not read one of an assistant's collections gets 404 for it; others get answers, not errors.
    const statuses = (name: string, route: string) =>
      new Set(probes.filter((probe) => probe.key === name && probe.route === route).map((probe) => probe.status));
    expect(statuses('hr', 'assistant ask stream')).toEqual(new Set([404]));
    expect(statuses('outsider', 'assistant ask')).toEqual(new Set([404]));
    expect(statuses('outsider', 'conversation create')).toEqual(new Set([404]));
    expect(statuses('sales', 'assistant ask')).toEqual(new Set([200]));
    expect(statuses('sales', 'conversation message')).toEqual(new Set([200]));
    expect(statuses('editor', 'assistant chat stream')).toEqual(new Set([200]));
    expect(statuses('editor', 'conversation get')).toEqual(new Set([200]));
    // Another key's conversation is a 404.
    expect(statuses('sales', 'other conversation get')).toEqual(new Set([404]));
    expect(statuses('byKey', 'other conversation get')).toEqual(new Set([404]));
    // The refused keys did get answers (not only errors): the readers of handbook searched its public documents.
    const salesSearches = probes.filter(
      (probe) => probe.key === 'sales' && probe.route === 'search' && probe.status === 200,
    );
    expect(salesSearches.length).toBe(queries.length);
  }, 120_000);

  test('the filter applies before ranking: a refused reader still gets k public hits where restricted ones rank first', async () => {
    const path = `/api/search?collection=handbook&k=5&q=${encodeURIComponent('expense policy travel reimbursement')}`;
    const adminHits = ((await (await call(adminKey, path)).json()) as { hits: Array<{ source: string }> }).hits;
    expect(adminHits.filter((hit) => hit.source.startsWith('restricted/')).length).toBeGreaterThanOrEqual(3);
    const salesHits = ((await (await call(keys.sales?.key ?? '', path)).json()) as { hits: Array<{ source: string }> })
      .hits;
    expect(salesHits).toHaveLength(5);
    expect(salesHits.some((hit) => hit.source.startsWith('restricted/'))).toBe(false);
  });

  test('counts, model lists and 404s say nothing about what a key may not see', async () => {
    const collectionsOf = async (name: string) =>
      (
        (await (await call(keys[name]?.key ?? '', '/api/collections')).json()) as {
          collections: Array<{ name: string; documentCount: number }>;
        }
      ).collections;
    const all = (await collectionsOf('admin')).find((collection) => collection.name === 'handbook')?.documentCount ?? 0;
    expect((await collectionsOf('hr')).map((collection) => [collection.name, collection.documentCount])).toEqual([
      ['handbook', all],
    ]);
    expect((await collectionsOf('sales')).map((collection) => [collection.name, collection.documentCount])).toEqual([
      ['handbook', all - 12],
    ]);
    expect((await collectionsOf('outsider')).map((collection) => collection.name)).toEqual(['public']);

    const modelsOf = async (name: string) =>
      ((await (await call(keys[name]?.key ?? '', '/v1/models')).json()) as { data: Array<{ id: string }> }).data.map(
        (model) => model.id,
      );
    expect(await modelsOf('outsider')).toEqual(['andes:public']);
    expect(await modelsOf('sales')).toEqual(['andes:handbook', 'handbook-helper']);
    expect((await modelsOf('byKey')).sort()).toEqual([
      'andes:handbook',
      'andes:public',
      'everything-helper',
      'handbook-helper',
    ]);

    // A collection outside the key answers exactly like a missing one.
    const hidden = await call(keys.outsider?.key ?? '', '/api/collections/handbook/documents');
    const missing = await call(adminKey, '/api/collections/nowhere/documents');
    expect(hidden.status).toBe(404);
    expect((await hidden.text()).replaceAll('handbook', 'NAME')).toBe(
      (await missing.text()).replaceAll('nowhere', 'NAME'),
    );
    const hiddenModel = await call(
      keys.outsider?.key ?? '',
      '/v1/chat/completions',
      json({ model: 'andes:handbook', messages: [{ role: 'user', content: 'hi' }] }),
    );
    const missingModel = await call(
      adminKey,
      '/v1/chat/completions',
      json({ model: 'andes:nowhere', messages: [{ role: 'user', content: 'hi' }] }),
    );
    expect(hiddenModel.status).toBe(missingModel.status);
    expect((await hiddenModel.text()).replaceAll('handbook', 'NAME')).toBe(
      (await missingModel.text()).replaceAll('nowhere', 'NAME'),
    );

    // A document the key may not read cannot be deleted, and the answer is the one for a missing document.
    const restrictedId = restrictedIds[0] ?? '';
    const refusedDelete = await call(keys.editor?.key ?? '', `/api/collections/handbook/documents/${restrictedId}`, {
      method: 'DELETE',
    });
    const missingDelete = await call(keys.editor?.key ?? '', '/api/collections/handbook/documents/no-such-document', {
      method: 'DELETE',
    });
    expect(refusedDelete.status).toBe(404);
    expect((await refusedDelete.text()).replaceAll(restrictedId, 'ID')).toBe(
      (await missingDelete.text()).replaceAll('no-such-document', 'ID'),
    );
    const readerDelete = await call(keys.hr?.key ?? '', `/api/collections/handbook/documents/${restrictedId}`, {
      method: 'DELETE',
    });
    expect(readerDelete.status).toBe(403);
    const documents = (await (await call(adminKey, '/api/collections/handbook/documents')).json()) as {
      documents: Array<{ id: string }>;
    };
    expect(documents.documents.map((document) => document.id)).toContain(restrictedId);
  });

  test('no key or a wrong key: 401 on /api and /v1; the probes stay open', async () => {
    for (const path of ['/api/collections', '/api/search?q=policy', '/v1/models', '/api/keys']) {
      expect((await fetch(`${server.url}${path}`)).status).toBe(401);
      expect((await call('andes_not-a-key', path)).status).toBe(401);
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });
});
