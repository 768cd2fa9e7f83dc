import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DocumentRecord } from '@andes-rag/core';
import { ensureTestModels } from '@andes-rag/testing';
import { SqliteKnowledgeStore } from '@andes-rag/vectorstore';
import { temporaryDirectory } from '../support/repository.js';
import { runCli } from '../support/run-cli.js';

// `andes ingest --sync` and `andes delete` as a user runs them, with the tiny embedding model so every delete must
// also reach the hnswlib index; each step ends with the store's integrity check.
describe('incremental sync', () => {
  let workspace: Awaited<ReturnType<typeof temporaryDirectory>>;
  let dataDir: string;
  let docs: string;
  let archive: string;
  let withModel: string[];
  const cli = (...args: string[]) => runCli([...args, '--data-dir', dataDir, '--collection', 'sync']);
  const file = (folder: string, name: string) => path.join(folder, name);

  async function documents(): Promise<DocumentRecord[]> {
    const listed = await cli('documents', '--json');
    expect(listed.exitCode, listed.stderr).toBe(0);
    return (JSON.parse(listed.stdout) as DocumentRecord[]).sort((left, right) =>
      left.source.localeCompare(right.source),
    );
  }

  async function expectIntact(counts: { documents: number; chunks: number }): Promise<void> {
    await using store = await SqliteKnowledgeStore.open({ dataDir });
    const integrity = await store.verifyIntegrity();
    expect(integrity.problems).toEqual([]);
    const everyIndex = { embeddedChunks: counts.chunks, indexedVectors: counts.chunks, lexicalRows: counts.chunks };
    expect(integrity.collections).toEqual([{ collection: 'sync', ...counts, ...everyIndex }]);
  }

  async function searchSources(query: string): Promise<string[]> {
    const result = await cli('search', query, '--json');
    expect(result.exitCode, result.stderr).toBe(0);
    return (JSON.parse(result.stdout) as Array<{ source: string }>).map((hit) => hit.source);
  }

  beforeAll(async () => {
    const models = await ensureTestModels();
    workspace = await temporaryDirectory('andes-sync-');
    dataDir = path.join(workspace.path, 'data');
    docs = path.join(workspace.path, 'docs');
    // A sibling whose name starts like the synced folder's: a prefix match would wrongly sync it too.
    archive = path.join(workspace.path, 'docs-archive');
    await mkdir(path.join(docs, 'team'), { recursive: true });
    await mkdir(archive, { recursive: true });
    await writeFile(file(docs, 'alpha.md'), '# Alpha\n\nThe aardvark sleeps under the bridge.\n');
    await writeFile(file(docs, 'team/beta.md'), '# Beta\n\nThe badger digs behind the barn.\n');
    await writeFile(file(docs, 'gamma.md'), '# Gamma\n\nThe gecko climbs the garden wall.\n');
    await writeFile(file(archive, 'delta.md'), '# Delta\n\nThe dugong drifts by the dock.\n');
    withModel = ['--embedding-model', models.embeddingModelPath];
  });
  afterAll(async () => workspace?.remove());

  test('a first ingest stores every file, and reports documents/s and chunks/s', async () => {
    const result = await cli('ingest', docs, archive, ...withModel);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /4 new, 0 updated, 0 unchanged, 0 failed \([\d.]+ documents\/s, [\d.]+ chunks\/s in [\d.]+ s\)/,
    );
    await expectIntact({ documents: 4, chunks: 4 });
  });

  test('--sync replaces changed files, skips unchanged ones and removes the ones gone, only under the folder', async () => {
    await writeFile(file(docs, 'alpha.md'), '# Alpha\n\nThe albatross circles the harbour.\n');
    await rm(file(docs, 'team/beta.md'));
    const result = await cli('ingest', '--sync', docs, ...withModel);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /2 file\(s\) into collection "sync": 0 new, 1 updated, 1 unchanged, 0 failed, 1 removed/,
    );

    expect((await documents()).map((document) => document.source)).toEqual(
      [file(archive, 'delta.md'), file(docs, 'alpha.md'), file(docs, 'gamma.md')].sort(),
    );
    expect(await searchSources('badger barn')).toEqual([]);
    expect(await searchSources('aardvark bridge')).toEqual([]);
    expect(await searchSources('albatross harbour')).toEqual([file(docs, 'alpha.md')]);
    await expectIntact({ documents: 3, chunks: 3 });
  });

  test('`andes delete` removes a document from every index', async () => {
    const gamma = (await documents()).find((document) => document.source.endsWith('gamma.md'))!;
    const result = await cli('delete', gamma.id);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toBe(`Deleted ${gamma.id}.\n`);
    expect(await searchSources('gecko garden')).toEqual([]);
    await expectIntact({ documents: 2, chunks: 2 });
    expect((await cli('delete', gamma.id)).exitCode).toBe(2);
  });

  test('--sync of an emptied folder removes everything that came from it, and nothing else', async () => {
    await rm(file(docs, 'alpha.md'));
    await rm(file(docs, 'gamma.md'));
    const result = await cli('ingest', '--sync', docs);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/0 file\(s\) .* 1 removed/);
    expect((await documents()).map((document) => document.source)).toEqual([file(archive, 'delta.md')]);
    await expectIntact({ documents: 1, chunks: 1 });
  });
});
