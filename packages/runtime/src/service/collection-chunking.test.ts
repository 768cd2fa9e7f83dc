import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AndesError } from '@andes-rag/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/andes-config.js';
import { openAndes } from '../open-andes.js';
import type { AndesRuntime } from './andes-runtime.js';

// One long paragraph of 600 words: 3 chunks at the default 200 words, many more at 50.
const longText = Array.from(
  { length: 60 },
  (_, index) => `Sentence ${index} says nine more words about the leave policy here.`,
).join(' ');
const file = (source: string) => ({ source, bytes: new TextEncoder().encode(`# ${source}\n\n${longText}\n`) });

describe('chunk size per collection', () => {
  let dataDir = '';
  let runtime: AndesRuntime;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'andes-chunking-'));
    runtime = await openAndes(loadConfig({ dataDir, threads: 1, gpu: 'cpu' }, {}));
  });
  afterEach(async () => {
    await runtime.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  const chunkCounts = async (collection: string) =>
    (await runtime.listDocuments(collection)).map((document) => [document.source, document.chunkCount]);

  it('records the size at the first ingestion and chunks later ingestions into the collection with it', async () => {
    await runtime.ingest('small', [file('a.md')], { chunkSize: 50 });
    await runtime.ingest('small', [file('b.md')]);
    await runtime.ingest('plain', [file('a.md')]);
    const [small, plain] = ['small', 'plain'].map((name) =>
      runtime.listCollections().then((all) => all.find((entry) => entry.name === name)),
    );
    expect(await small).toMatchObject({ chunkSize: 50 });
    expect(await plain).toMatchObject({ chunkSize: 200 });
    const [[, plainChunks]] = (await chunkCounts('plain')) as [[string, number]];
    expect(plainChunks).toBeLessThanOrEqual(4);
    for (const [, chunks] of await chunkCounts('small')) expect(chunks).toBeGreaterThanOrEqual(3 * plainChunks);
  });

  it('refuses another size for a collection holding documents with conflict, and a bad size with invalid_request', async () => {
    await runtime.ingest('small', [file('a.md')], { chunkSize: 50 });
    const refused = await runtime.ingest('small', [file('b.md')], { chunkSize: 100 }).catch((error: unknown) => error);
    expect(AndesError.isInstance(refused) && refused.code).toBe('conflict');
    expect((refused as Error).message).toContain('chunked at 50 words');
    for (const chunkSize of [0, 1.5]) {
      const bad = await runtime.ingest('other', [file('a.md')], { chunkSize }).catch((error: unknown) => error);
      expect(AndesError.isInstance(bad) && bad.code).toBe('invalid_request');
    }
    expect(await chunkCounts('small')).toEqual([['a.md', expect.any(Number)]]);
  });
});
