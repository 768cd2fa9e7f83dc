import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { temporaryDirectory } from '../support/repository.js';
import { runCli } from '../support/run-cli.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

interface ErrorBody {
  error: { code: string; message: string };
}

// The caller's mistakes get a 4xx with a code and a message, the process keeps serving, and nothing stored is lost.
describe('HTTP: bad input gets a clear 4xx and loses nothing', () => {
  let dataDirectory: Awaited<ReturnType<typeof temporaryDirectory>>;
  let server: ServerProcess;
  const uploadLimit = 4096;

  const post = (route: string, body: NonNullable<RequestInit['body']>, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${route}`, { method: 'POST', body, headers });
  const ask = (payload: unknown) => post('/api/ask', JSON.stringify(payload), { 'content-type': 'application/json' });
  const upload = (name: string, content: string | Uint8Array) => {
    const form = new FormData();
    form.append('files', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
    return post('/api/collections/notes/documents', form);
  };
  const expectError = async (response: Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(10);
  };

  beforeAll(async () => {
    dataDirectory = await temporaryDirectory();
    server = await startServerProcess(['--data-dir', dataDirectory.path], {
      ANDES_MAX_UPLOAD_BYTES: String(uploadLimit),
    });
    const stored = await upload('vpn.md', '# VPN\n\nConnect to the office VPN with WireGuard before using the wiki.\n');
    expect(stored.status).toBe(201);
  });

  afterAll(async () => {
    await server?.stop();
    await dataDirectory?.remove();
  });

  test('unknown collection', async () => {
    await expectError(await fetch(`${server.url}/api/search?collection=nope&q=vpn`), 404, 'collection_not_found');
    await expectError(await ask({ question: 'vpn?', collection: 'nope' }), 404, 'collection_not_found');
  });

  test('empty and over-long questions', async () => {
    await expectError(await ask({ question: '   ', collection: 'notes' }), 400, 'invalid_request');
    await expectError(await ask({ collection: 'notes' }), 400, 'invalid_request');
    await expectError(await ask({ question: 'why '.repeat(1001), collection: 'notes' }), 400, 'invalid_request');
    await expectError(await fetch(`${server.url}/api/search?collection=notes&q=`), 400, 'invalid_request');
  });

  test('malformed JSON', async () => {
    await expectError(
      await post('/api/ask', '{"question": "vpn', { 'content-type': 'application/json' }),
      400,
      'invalid_request',
    );
  });

  test('oversized JSON body and oversized file', async () => {
    const huge = JSON.stringify({ question: 'x', collection: 'notes', padding: 'p'.repeat(2 * 1024 * 1024) });
    await expectError(await post('/api/ask', huge, { 'content-type': 'application/json' }), 413, 'payload_too_large');
    await expectError(await upload('big.md', `# Big\n\n${'word '.repeat(uploadLimit)}`), 413, 'payload_too_large');
  });

  test('unsupported file types, by extension and by content', async () => {
    await expectError(
      await upload('tool.exe', new Uint8Array([0x4d, 0x5a, 0, 0, 1, 2, 3])),
      415,
      'unsupported_file_type',
    );
    await expectError(
      await upload('notes.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])),
      415,
      'unsupported_file_type',
    );
  });

  test('an upload with no files', async () => {
    await expectError(await post('/api/collections/notes/documents', new FormData()), 400, 'invalid_request');
  });

  test('after all of that the server still serves, and the stored document is intact', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const search = await fetch(`${server.url}/api/search?collection=notes&q=${encodeURIComponent('office VPN')}`);
    const { hits } = (await search.json()) as { hits: Array<{ source: string }> };
    expect(hits.map((hit) => hit.source)).toEqual(['vpn.md']);
    const listed = await fetch(`${server.url}/api/collections/notes/documents`);
    expect(((await listed.json()) as { documents: unknown[] }).documents).toHaveLength(1);
  });
});

describe('model paths that are wrong fail fast with a clear message', () => {
  test('a GGUF path that does not exist, and a file that is not a GGUF', async () => {
    const folder = await temporaryDirectory();
    try {
      const notGguf = path.join(folder.path, 'model.gguf');
      await writeFile(notGguf, 'this is not a model\n');
      const missing = await runCli([
        'serve',
        '--port',
        '0',
        '--data-dir',
        folder.path,
        '--model',
        path.join(folder.path, 'missing.gguf'),
      ]);
      expect(missing.exitCode).toBe(2);
      expect(missing.stderr).toMatch(/model_not_found/);
      expect(missing.stderr).toMatch(/missing\.gguf/);
      const invalid = await runCli(['serve', '--port', '0', '--data-dir', folder.path, '--embedding-model', notGguf]);
      expect(invalid.exitCode).toBe(2);
      expect(invalid.stderr).toMatch(/invalid_model_file/);
    } finally {
      await folder.remove();
    }
  });
});
