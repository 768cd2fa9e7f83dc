import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { samplesDirectory, temporaryDirectory } from '../support/repository.js';
import { runCli } from '../support/run-cli.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { folderFormData } from '../support/upload.js';

type Hits = Array<{ source: string }>;

describe('tags: given at ingestion, filtered inside retrieval (CLI and HTTP)', () => {
  let dataDir: { path: string; remove: () => Promise<void> };
  let server: ServerProcess | undefined;
  const cli = (...args: string[]) => runCli([...args, '--data-dir', dataDir.path, '--collection', 'handbook']);
  const search = async (...args: string[]) =>
    JSON.parse((await cli('search', ...args, '--k', '40', '--json')).stdout) as Hits;
  const security = path.join(samplesDirectory, 'security');
  const engineering = path.join(samplesDirectory, 'engineering');
  const inFolder = (folder: string) => (hit: { source: string }) => hit.source.includes(`${path.basename(folder)}/`);

  beforeAll(async () => {
    dataDir = await temporaryDirectory();
    expect((await cli('ingest', security, '--tag', 'security')).exitCode).toBe(0);
    expect((await cli('ingest', engineering, '--tag', 'engineering', '--tag', 'internal')).exitCode).toBe(0);
  });
  afterAll(async () => {
    await server?.stop();
    await dataDir.remove();
  });

  test('andes search --tag returns only documents with any of the tags', async () => {
    const all = await search('access deploy incident');
    expect(all.some(inFolder(security)) && all.some(inFolder(engineering))).toBe(true);
    const secure = await search('access deploy incident', '--tag', 'security');
    expect(secure.length).toBeGreaterThan(0);
    expect(secure.every(inFolder(security))).toBe(true);
    const internal = await search('access deploy incident', '--tag', 'internal');
    expect(internal.length).toBeGreaterThan(0);
    expect(internal.every(inFolder(engineering))).toBe(true);
    expect(new Set(await search('access deploy incident', '--tag', 'security,internal'))).toEqual(new Set(all));
    expect(await search('access deploy incident', '--tag', 'nobody')).toEqual([]);
  });

  test('andes documents shows tags; re-ingesting unchanged files with other tags replaces only the tags', async () => {
    const listed = (await cli('documents')).stdout;
    expect(listed).toMatch(/access-control\.md\t\[security\]/);
    expect(listed).toMatch(/deployment-guide\.md\t\[engineering, internal\]/);
    const retagged = await cli('ingest', security, '--tag', 'audited');
    expect(retagged.exitCode).toBe(0);
    expect(await search('access incident', '--tag', 'security')).toEqual([]);
    expect((await search('access incident', '--tag', 'audited')).length).toBeGreaterThan(0);
  });

  test('HTTP: an upload tags its files, GET /api/search takes tag, POST /api/ask takes filter.tags', async () => {
    server = await startServerProcess(['--data-dir', dataDir.path]);
    const { form } = await folderFormData(path.join(samplesDirectory, 'benefits'));
    form.append('tags', 'benefits, people');
    const upload = await fetch(`${server.url}/api/collections/handbook/documents`, { method: 'POST', body: form });
    expect(upload.status).toBe(201);

    const query = encodeURIComponent('parental leave learning budget access');
    const response = await fetch(`${server.url}/api/search?collection=handbook&k=40&q=${query}&tag=people&tag=nobody`);
    expect(response.status).toBe(200);
    const { hits } = (await response.json()) as { hits: Hits };
    expect(new Set(hits.map((hit) => hit.source))).toEqual(new Set(['learning-budget.md', 'parental-leave.txt']));

    const documents = (await (await fetch(`${server.url}/api/collections/handbook/documents`)).json()) as {
      documents: Array<{ source: string; tags: string[] }>;
    };
    expect(documents.documents.find((document) => document.source === 'parental-leave.txt')?.tags).toEqual([
      'benefits',
      'people',
    ]);

    const ask = await fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        collection: 'handbook',
        question: 'How long is parental leave?',
        filter: { tags: ['benefits'] },
      }),
    });
    expect(ask.status).toBe(200);
    const answer = (await ask.json()) as { citations: Array<{ source: string }> };
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(
      answer.citations.every((citation) => ['learning-budget.md', 'parental-leave.txt'].includes(citation.source)),
    ).toBe(true);
  });
});
