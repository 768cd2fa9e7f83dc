import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Andes } from './andes.js';
import { loadConfig } from './config/andes-config.js';
import { openAndes } from './open-andes.js';

let folder: string;
let andes: Andes;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'andes-open-'));
  const docs = path.join(folder, 'docs');
  await mkdir(path.join(docs, 'travel'), { recursive: true });
  await mkdir(path.join(docs, '.hidden'), { recursive: true });
  await writeFile(
    path.join(docs, 'vpn.md'),
    '# VPN\n\nConnect through the WireGuard VPN from the self-service portal.\n',
  );
  await writeFile(path.join(docs, 'travel', 'hotels.txt'), 'The nightly hotel cap in Berlin is 180 euros.\n');
  await writeFile(path.join(docs, '.hidden', 'secret.md'), '# Secret\n\nThe WireGuard hotel password.\n');
  await writeFile(path.join(docs, 'image.png'), 'not an image');
  // Settings, not a loaded configuration: validated with their defaults, no environment read.
  andes = await openAndes({ dataDir: path.join(folder, 'data') });
});

afterAll(async () => {
  await andes?.dispose();
  await rm(folder, { recursive: true, force: true });
});

describe('openAndes as a library', () => {
  it('ingests a folder recursively, skipping hidden and unsupported files, with sources relative to a folder', async () => {
    const report = await andes.ingestPaths('handbook', [path.join(folder, 'docs')], { relativeTo: folder });
    expect(report.files.map((file) => [file.source, file.status])).toEqual([
      ['docs/travel/hotels.txt', 'created'],
      ['docs/vpn.md', 'created'],
    ]);
    const again = await andes.ingestPaths('handbook', [path.join(folder, 'docs', 'vpn.md')], { relativeTo: folder });
    expect(again.files).toEqual([expect.objectContaining({ source: 'docs/vpn.md', status: 'unchanged' })]);
  });

  it('refuses a path that does not exist with invalid_request', async () => {
    await expect(andes.ingestPaths('handbook', [path.join(folder, 'missing')])).rejects.toMatchObject({
      code: 'invalid_request',
    });
  });

  it('searches and answers extractively, and its components are the ones it searches with', async () => {
    const hits = await andes.search({ collection: 'handbook', query: 'hotel cap Berlin', k: 2 });
    expect(hits[0]?.source).toBe('docs/travel/hotels.txt');
    const answer = await andes.ask({ collection: 'handbook', question: 'What is the hotel cap in Berlin?' });
    expect(answer.mode).toBe('extractive');
    expect(answer.citations[0]?.source).toBe('docs/travel/hotels.txt');
    const { retriever, store, chatModel, embeddingModel } = andes.components;
    expect([chatModel, embeddingModel]).toEqual([undefined, undefined]);
    const direct = await retriever.search('handbook', 'hotel cap Berlin', { k: 2 });
    expect(direct.map((hit) => hit.chunkId)).toEqual(hits.map((hit) => hit.chunkId));
    expect((await store.listDocuments('handbook')).map((document) => document.source).sort()).toEqual([
      'docs/travel/hotels.txt',
      'docs/vpn.md',
    ]);
  });

  it('refuses an invalid setting by name', async () => {
    await expect(openAndes({ dataDir: folder, gpu: 'tpu' as 'cpu' })).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringContaining('gpu'),
    });
  });

  it('accepts a loaded configuration unchanged (validating it again is the identity)', () => {
    const environment = {
      ANDES_LORA_ADAPTERS: '{"pirate":{"path":"pirate.gguf"}}',
      ANDES_CORS_ORIGINS: 'https://a.example, https://b.example',
      ANDES_THREADS: '3',
    };
    const loaded = loadConfig({ dataDir: 'relative/data' }, environment);
    expect(isDeepStrictEqual(loadConfig(loaded, {}), loaded)).toBe(true);
  });
});
