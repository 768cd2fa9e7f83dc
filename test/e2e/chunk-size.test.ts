import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { samplesDirectory, temporaryDirectory } from '../support/repository.js';
import { runCli } from '../support/run-cli.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { folderFormData } from '../support/upload.js';

interface Collection {
  name: string;
  chunkCount: number;
  chunkSize?: number;
}

describe('chunk size per collection, set at ingestion (CLI and HTTP)', () => {
  let dataDir: { path: string; remove: () => Promise<void> };
  let server: ServerProcess | undefined;
  const cli = (...args: string[]) => runCli([...args, '--data-dir', dataDir.path]);
  const security = path.join(samplesDirectory, 'security');
  const engineering = path.join(samplesDirectory, 'engineering');

  beforeAll(async () => {
    dataDir = await temporaryDirectory();
  });
  afterAll(async () => {
    await server?.stop();
    await dataDir.remove();
  });

  test('andes ingest --chunk-size records the size with the collection; another size exits 2', async () => {
    expect((await cli('ingest', security, '--collection', 'small', '--chunk-size', '40')).exitCode).toBe(0);
    const refused = await cli('ingest', engineering, '--collection', 'small', '--chunk-size', '300');
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('chunked at 40 words');
    const listed = (await cli('collections')).stdout;
    expect(listed).toMatch(/^small\t2 documents\t\d+ chunks\t40 words per chunk$/m);
  });

  test('HTTP: an upload takes a chunkSize field; a bad one is 400, another size for a full collection 409', async () => {
    server = await startServerProcess(['--data-dir', dataDir.path]);
    const upload = async (collection: string, chunkSize: string) => {
      const { form } = await folderFormData(security);
      form.append('chunkSize', chunkSize);
      return fetch(`${server?.url}/api/collections/${collection}/documents`, { method: 'POST', body: form });
    };
    const bad = await upload('uploaded', '2.5');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
    expect((await upload('uploaded', '60')).status).toBe(201);
    const conflict = await upload('uploaded', '90');
    expect(conflict.status).toBe(409);
    expect(((await conflict.json()) as { error: { message: string } }).error.message).toContain('chunked at 60 words');
    const listed = (await (await fetch(`${server.url}/api/collections`)).json()) as { collections: Collection[] };
    expect(listed.collections.find((entry) => entry.name === 'uploaded')?.chunkSize).toBe(60);
  });
});
