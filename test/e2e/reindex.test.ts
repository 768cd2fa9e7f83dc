import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CollectionInfo } from '@andes-rag/core';
import { ensureTestModels } from '@andes-rag/testing';
import type { ReindexReport } from '@andes-rag/runtime';
import { SqliteKnowledgeStore } from '@andes-rag/vectorstore';
import { temporaryDirectory } from '../support/repository.js';
import { runCli } from '../support/run-cli.js';

// `andes reindex`: every index rebuilt from the database, and chunks embedded when the configured embedding model
// is new to the collection (documents ingested before any model, or with another one).
describe('andes reindex', () => {
  let workspace: Awaited<ReturnType<typeof temporaryDirectory>>;
  let dataDir: string;
  let modelPath: string;
  let otherModelPath: string;
  const cli = (...args: string[]) => runCli([...args, '--data-dir', dataDir]);

  async function reindex(...args: string[]): Promise<ReindexReport> {
    const result = await cli('reindex', '--json', ...args);
    expect(result.exitCode, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as ReindexReport;
  }

  async function collection(): Promise<CollectionInfo> {
    const result = await cli('collections', '--json');
    return (JSON.parse(result.stdout) as CollectionInfo[]).find((info) => info.name === 'notes')!;
  }

  beforeAll(async () => {
    const models = await ensureTestModels();
    workspace = await temporaryDirectory('andes-reindex-');
    dataDir = path.join(workspace.path, 'data');
    modelPath = models.embeddingModelPath;
    // The same weights under another file name: another model id, as a switch of embedding model looks to a store.
    otherModelPath = path.join(workspace.path, 'other-embedding-model.gguf');
    await copyFile(modelPath, otherModelPath);
    const notes = path.join(workspace.path, 'notes');
    await mkdir(notes);
    for (const [name, text] of [
      ['one', 'The osprey nests on the pylon.'],
      ['two', 'The heron waits at the weir.'],
    ]) {
      await writeFile(path.join(notes, `${name}.md`), `# Note ${name}\n\n${text}\n`);
    }
    const ingested = await cli('ingest', notes, '--collection', 'notes');
    expect(ingested.exitCode, ingested.stderr).toBe(0);
  });
  afterAll(async () => workspace?.remove());

  test('embeds documents ingested before an embedding model was configured', async () => {
    const before = await collection();
    expect(before.chunkCount).toBe(2);
    expect(before.embeddingModel).toBeUndefined();
    const report = await reindex('--embedding-model', modelPath);
    expect(report.collections).toEqual([
      {
        collection: 'notes',
        documents: 2,
        chunks: 2,
        vectors: 2,
        embeddingModel: path.basename(modelPath, '.gguf'),
        embedded: 2,
      },
    ]);
    expect(report.integrity).toMatchObject({ ok: true, problems: [] });
    expect(await collection()).toMatchObject({ embeddingModel: path.basename(modelPath, '.gguf') });
    expect((await reindex('--embedding-model', modelPath)).collections[0]).toMatchObject({ embedded: 0, vectors: 2 });
  });

  test('rebuilds lost index files from the database without a model', async () => {
    const indexes = path.join(dataDir, 'indexes');
    for (const name of await readdir(indexes)) await rm(path.join(indexes, name));
    const report = await reindex('--collection', 'notes');
    expect(report.collections[0]).toMatchObject({ chunks: 2, vectors: 2, embedded: 0 });
    expect(report.collections[0]?.embeddingModel).toBeUndefined();
    expect((await readdir(indexes)).sort()).toEqual([
      'collection-1.documents.json',
      'collection-1.hnsw',
      'collection-1.json',
    ]);
    await using store = await SqliteKnowledgeStore.open({ dataDir });
    expect(await store.verifyIntegrity()).toMatchObject({ ok: true, collections: [{ indexedVectors: 2 }] });
  });

  test('replaces vectors from another embedding model', async () => {
    const report = await reindex('--embedding-model', otherModelPath);
    expect(report.collections[0]).toMatchObject({
      embeddingModel: 'other-embedding-model',
      replacedVectorsFrom: path.basename(modelPath, '.gguf'),
      embedded: 2,
      vectors: 2,
    });
    expect(await collection()).toMatchObject({ embeddingModel: 'other-embedding-model' });
    const text = await cli('reindex', '--collection', 'notes');
    expect(text.stdout).toMatch(/Reindexed "notes": 2 documents, 2 chunks, 2 vectors; no embedding model configured/);
    expect(text.stdout).toMatch(/Integrity check: ok\./);
  });

  test('names an unknown collection', async () => {
    const result = await cli('reindex', '--collection', 'missing');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/Collection "missing" does not exist/);
  });
});
