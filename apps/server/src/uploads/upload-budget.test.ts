import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deferred } from '../testing/fake-andes-service.js';
import { multipartBody, rawRequest } from '../testing/raw-request.js';
import { startTestServer, type TestServer } from '../testing/start-test-server.js';
import { uploadDirectory } from './upload-directory.js';

/** About 700 bytes of multipart body: one 500-byte Markdown file. */
const upload = (name: string) => multipartBody({ [name]: `# ${name}\n${'x'.repeat(500)}` });

async function post(server: TestServer, name: string, options: { chunked?: boolean } = {}) {
  const { body, contentType } = upload(name);
  const url = `${server.url}/api/collections/default/documents`;
  if (options.chunked !== true) {
    return rawRequest(url, {
      method: 'POST',
      headers: { 'Content-Type': contentType, 'Content-Length': String(body.length) },
      body,
    });
  }
  // No Content-Length: node:http sends the body chunked, so the server counts bytes as they come.
  const pieces = async function* () {
    for (let offset = 0; offset < body.length; offset += 100) yield body.subarray(offset, offset + 100);
  };
  return rawRequest(url, { method: 'POST', headers: { 'Content-Type': contentType }, body: pieces() });
}

describe('uploads in flight', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
  });

  it.each([{ chunked: false }, { chunked: true }])(
    'refuses an upload over the in-flight cap with 429 and Retry-After, and loses nothing (%o)',
    async ({ chunked }) => {
      server = await startTestServer({ config: { maxUploadBytesInFlight: 1100 } });
      const gate = deferred<void>();
      server.service.ingestGate = gate.promise;
      const first = post(server, 'first.md');
      await server.service.ingestStarted;

      const refused = await post(server, 'second.md', { chunked });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(JSON.parse(refused.body)).toMatchObject({
        error: { code: 'queue_full', details: { maxUploadBytesInFlight: 1100 } },
      });
      expect(server.service.ingestCalls).toHaveLength(1);

      gate.resolve();
      server.service.ingestGate = undefined;
      expect((await first).status).toBe(201);
      const retried = await post(server, 'second.md', { chunked });
      expect(retried.status).toBe(201);
      const sources = (await server.service.listDocuments('default')).map((document) => document.source);
      expect(sources).toEqual(['first.md', 'second.md']);
      expect(new TextDecoder().decode(server.service.ingestCalls[1]?.inputs[0]?.bytes)).toBe(
        `# second.md\n${'x'.repeat(500)}`,
      );
    },
  );

  it('refuses a single upload larger than the whole cap with 413, before reading it', async () => {
    server = await startTestServer({ config: { maxUploadBytesInFlight: 300 } });
    const refused = await post(server, 'big.md');
    expect(refused.status).toBe(413);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(server.service.ingestCalls).toEqual([]);
  });

  it('deletes the temporary files once ingested, and leftovers at start', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'andes-upload-test-'));
    await mkdir(uploadDirectory(dataDir), { recursive: true });
    const leftover = path.join(uploadDirectory(dataDir), 'killed.upload');
    await writeFile(leftover, 'from a killed server');
    server = await startTestServer({ config: { dataDir } });
    expect(existsSync(leftover)).toBe(false);
    expect((await post(server, 'a.md')).status).toBe(201);
    const [handed] = server.service.ingestedPaths;
    expect(path.dirname(handed ?? '')).toBe(uploadDirectory(dataDir));
    expect(existsSync(handed ?? '')).toBe(false);
    expect(await readdir(uploadDirectory(dataDir))).toEqual([]);
  });

  it('deletes the temporary files when ingestion fails', async () => {
    server = await startTestServer();
    server.service.nextError = new Error('disk full');
    const response = await post(server, 'a.md');
    expect(response.status).toBe(500);
    expect(await readdir(uploadDirectory(server.dataDir))).toEqual([]);
  });
});
