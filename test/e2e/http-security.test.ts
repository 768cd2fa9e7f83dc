import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { temporaryDirectory } from '../support/repository.js';
import { multipartBody, rawRequest } from '../support/raw-http.js';
import { runCli } from '../support/run-cli.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

const original = '# Travel\n\nThe nightly hotel cap in Berlin is 180 euros.\n';

// A browser page of another site, a rebound DNS name, a caller without the key: each is refused by the real server
// process, and the stored document stays as it was.
describe('HTTP: cross-site writes, DNS rebinding and the admin key', () => {
  let dataDirectory: Awaited<ReturnType<typeof temporaryDirectory>>;
  let server: ServerProcess;
  const trusted = 'https://intranet.example';

  const form = (content: string) => {
    const body = new FormData();
    body.append('files', new Blob([content]), 'src/alpha/doc1.md');
    return body;
  };
  const documents = async () =>
    (
      (await (await fetch(`${server.url}/api/collections/alpha/documents`)).json()) as {
        documents: { id: string; contentHash: string }[];
      }
    ).documents;
  const hotelHits = async () =>
    (
      (await (await fetch(`${server.url}/api/search?collection=alpha&q=hotel+cap`)).json()) as {
        hits: { text: string }[];
      }
    ).hits;

  beforeAll(async () => {
    dataDirectory = await temporaryDirectory();
    server = await startServerProcess(['--data-dir', dataDirectory.path], { ANDES_CORS_ORIGINS: trusted });
    const stored = await fetch(`${server.url}/api/collections/alpha/documents`, {
      method: 'POST',
      body: form(original),
    });
    expect(stored.status).toBe(201);
  });

  afterAll(async () => {
    await server?.stop();
    await dataDirectory?.remove();
  });

  test('a foreign page cannot replace or delete a document', async () => {
    const before = await documents();
    const replaced = await fetch(`${server.url}/api/collections/alpha/documents`, {
      method: 'POST',
      headers: { Origin: 'http://evil.example' },
      body: form('# Pwned\n'),
    });
    expect(replaced.status).toBe(403);
    expect(((await replaced.json()) as ErrorBody).error.code).toBe('forbidden');
    const deleted = await fetch(`${server.url}/api/collections/alpha/documents/${before[0]?.id}`, {
      method: 'DELETE',
      headers: { Origin: 'http://evil.example', 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(deleted.status).toBe(403);
    expect(await documents()).toEqual(before);
    expect((await hotelHits())[0]?.text).toContain('180 euros');
  });

  test('a configured origin may write, with CORS headers, after a preflight', async () => {
    const preflight = await fetch(`${server.url}/api/collections/alpha/documents`, {
      method: 'OPTIONS',
      headers: { Origin: trusted, 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(trusted);
    const stored = await fetch(`${server.url}/api/collections/alpha/documents`, {
      method: 'POST',
      headers: { Origin: trusted, 'Sec-Fetch-Site': 'cross-site' },
      body: form(original),
    });
    expect(stored.status).toBe(201);
    expect(stored.headers.get('access-control-allow-origin')).toBe(trusted);
    expect(((await stored.json()) as { files: { status: string }[] }).files[0]?.status).toBe('unchanged');
  });

  test('a rebound host name is refused, for reads too', async () => {
    const read = await rawRequest(`${server.url}/api/collections/alpha/documents`, {
      headers: { Host: 'attacker.example:3000' },
    });
    expect(read.status).toBe(421);
    expect((JSON.parse(read.body) as ErrorBody).error.code).toBe('misdirected_request');
    const page = await rawRequest(`${server.url}/`, { headers: { Host: 'attacker.example' } });
    expect(page.status).toBe(421);
    const own = await rawRequest(`${server.url}/api/collections`, {
      headers: { Host: `localhost:${new URL(server.url).port}` },
    });
    expect(own.status).toBe(200);
  });

  test('binding beyond loopback without ANDES_ADMIN_KEY exits 2 before listening', async () => {
    const result = await runCli(['serve', '--host', '0.0.0.0', '--port', '0', '--data-dir', dataDirectory.path]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('ANDES_ADMIN_KEY');
    expect(result.stderr).not.toContain('listening on');
  });

  test('with ANDES_ADMIN_KEY on all interfaces: the banner says so, and every API route needs the key', async () => {
    const adminKey = 'e2e-admin-key-0123456789abcdef';
    const keyed = await temporaryDirectory();
    const guarded = await startServerProcess(['--host', '0.0.0.0', '--data-dir', keyed.path], {
      ANDES_ADMIN_KEY: adminKey,
    });
    try {
      const port = new URL(guarded.url).port;
      expect(guarded.stderr()).toContain(`listening on all interfaces, port ${port}: http://127.0.0.1:${port}`);
      expect(guarded.stderr()).toContain('auth on');
      expect(guarded.stderr()).not.toContain(adminKey);
      const anonymous = await fetch(`${guarded.url}/api/collections`);
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as ErrorBody).error.code).toBe('unauthorized');
      const openAi = await fetch(`${guarded.url}/v1/models`, { headers: { Authorization: 'Bearer wrong' } });
      expect(openAi.status).toBe(401);
      expect(await openAi.json()).toMatchObject({ error: { type: 'authentication_error', code: 'unauthorized' } });
      const authorized = await fetch(`${guarded.url}/api/collections`, {
        headers: { Authorization: `Bearer ${adminKey}` },
      });
      expect(authorized.status).toBe(200);
      expect((await fetch(`${guarded.url}/healthz`)).status).toBe(200);
    } finally {
      await guarded.stop();
      await keyed.remove();
    }
  });

  test('on loopback without a key the server says auth is off', () => {
    expect(server.stderr()).toContain('auth off');
    expect(server.stderr()).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+ only/);
  });
});

describe('HTTP: uploads in flight are capped across requests', () => {
  let dataDirectory: Awaited<ReturnType<typeof temporaryDirectory>>;
  let server: ServerProcess;

  beforeAll(async () => {
    dataDirectory = await temporaryDirectory();
    server = await startServerProcess(['--data-dir', dataDirectory.path], { ANDES_MAX_UPLOAD_BYTES_IN_FLIGHT: '3000' });
  });

  afterAll(async () => {
    await server?.stop();
    await dataDirectory?.remove();
  });

  test('an upload that does not fit beside one in flight gets 429 with Retry-After, and nothing is lost', async () => {
    const url = `${server.url}/api/collections/notes/documents`;
    const first = multipartBody({ 'first.md': `# First\n\n${'Expense reports are due monthly. '.repeat(50)}` });
    const second = multipartBody({
      'second.md': `# Second\n\n${'Laptops are replaced every three years. '.repeat(40)}`,
    });
    // The first upload declares its length and sends half its body, then waits: its bytes are in flight.
    let sendRest!: () => void;
    const restSent = new Promise<void>((resolve) => (sendRest = resolve));
    const half = Math.floor(first.body.length / 2);
    const pieces = async function* () {
      yield first.body.subarray(0, half);
      await restSent;
      yield first.body.subarray(half);
    };
    const firstAnswer = rawRequest(url, {
      method: 'POST',
      headers: { 'Content-Type': first.contentType, 'Content-Length': String(first.body.length) },
      body: pieces(),
    });
    // Its temporary file appears once the server has reserved its bytes and started reading it.
    const inProgress = path.join(dataDirectory.path, 'uploads-in-progress');
    while ((await readdir(inProgress).catch(() => [])).length === 0)
      await new Promise((resolve) => setTimeout(resolve, 20));

    const refused = await rawRequest(url, {
      method: 'POST',
      headers: { 'Content-Type': second.contentType, 'Content-Length': String(second.body.length) },
      body: second.body,
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((JSON.parse(refused.body) as ErrorBody).error.code).toBe('queue_full');

    sendRest();
    expect((await firstAnswer).status).toBe(201);
    const retried = await rawRequest(url, {
      method: 'POST',
      headers: { 'Content-Type': second.contentType, 'Content-Length': String(second.body.length) },
      body: second.body,
    });
    expect(retried.status).toBe(201);
    const listed = (await (await fetch(`${server.url}/api/collections/notes/documents`)).json()) as {
      documents: { source: string }[];
    };
    expect(listed.documents.map((document) => document.source).sort()).toEqual(['first.md', 'second.md']);
  });

  test('an upload larger than the whole cap gets 413 at once', async () => {
    const big = multipartBody({ 'big.md': `# Big\n\n${'x'.repeat(4000)}` });
    const refused = await rawRequest(`${server.url}/api/collections/notes/documents`, {
      method: 'POST',
      headers: { 'Content-Type': big.contentType, 'Content-Length': String(big.body.length) },
      body: big.body,
    });
    expect(refused.status).toBe(413);
    expect((JSON.parse(refused.body) as ErrorBody).error.code).toBe('payload_too_large');
  });
});
