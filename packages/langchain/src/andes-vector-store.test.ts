import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Document } from '@langchain/core/documents';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LlamaEmbeddingModel } from '@andes-rag/embeddings';
import { loadLlamaBackend } from '@andes-rag/inference';
import { ensureTestModels } from '@andes-rag/testing';
import { SqliteKnowledgeStore } from '@andes-rag/vectorstore';
import { AndesEmbeddings, AndesVectorStore } from './index.js';

// AndesVectorStore over the real SQLite + hnswlib store and the tiny Llama 3 embedding GGUF.
describe('AndesVectorStore', () => {
  let dataDir: string;
  let store: SqliteKnowledgeStore;
  let model: LlamaEmbeddingModel;
  let llama: Awaited<ReturnType<typeof loadLlamaBackend>>;
  let embeddings: AndesEmbeddings;

  beforeAll(async () => {
    const { embeddingModelPath } = await ensureTestModels();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'andes-langchain-store-'));
    store = await SqliteKnowledgeStore.open({ dataDir });
    llama = await loadLlamaBackend({ gpu: 'cpu' });
    model = await LlamaEmbeddingModel.load({ llama, modelPath: embeddingModelPath, threads: 1 });
    embeddings = new AndesEmbeddings({ model });
  }, 60_000);

  afterAll(async () => {
    await model?.dispose();
    await llama?.dispose();
    await store?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const documents = () => [
    new Document({
      id: 'it-1',
      pageContent: 'Laptops are encrypted with FileVault.',
      metadata: { source: 'it.md', team: 'it', year: 2024, nested: { reviewed: true } },
    }),
    new Document({
      id: 'fin-1',
      pageContent: 'Expense reports are due within 30 days.',
      metadata: { source: 'finance.md', team: 'finance', year: 2024 },
    }),
    new Document({
      id: 'fin-2',
      pageContent: 'Receipts go to the finance inbox.',
      metadata: { source: 'finance.md', team: 'finance', year: 2023 },
    }),
  ];

  test('keeps each document’s id and metadata as given, source included, and replaces by id', async () => {
    const vectorStore = new AndesVectorStore(embeddings, { store, collection: 'kept' });
    expect(await vectorStore.addDocuments(documents())).toEqual(['it-1', 'fin-1', 'fin-2']);
    const [[best, score] = []] = await vectorStore.similaritySearchWithScore(
      'Laptops are encrypted with FileVault.',
      1,
    );
    expect(best).toEqual(
      new Document({
        id: 'it-1',
        pageContent: 'Laptops are encrypted with FileVault.',
        metadata: { source: 'it.md', team: 'it', year: 2024, nested: { reviewed: true } },
      }),
    );
    expect(score).toBeCloseTo(1, 5);

    await vectorStore.addDocuments([new Document({ pageContent: 'Laptops use BitLocker now.', metadata: { v: 2 } })], {
      ids: ['it-1'],
    });
    expect((await store.listDocuments('kept')).length).toBe(3);
    const [replaced] = await vectorStore.similaritySearch('Laptops use BitLocker now.', 1);
    expect(replaced).toMatchObject({ id: 'it-1', pageContent: 'Laptops use BitLocker now.', metadata: { v: 2 } });

    const unnamed = new Document({ pageContent: 'No id given.', metadata: {} });
    const [first] = await vectorStore.addDocuments([unnamed]);
    expect(await vectorStore.addDocuments([unnamed])).toEqual([first]);
    expect((await store.listDocuments('kept')).length).toBe(4);
  });

  test('deletes by id, and refuses other delete arguments', async () => {
    const vectorStore = await AndesVectorStore.fromDocuments(documents(), embeddings, { store, collection: 'deleted' });
    await vectorStore.delete({ ids: ['fin-1'] });
    const left = await vectorStore.similaritySearch('Expense reports are due within 30 days.', 3);
    expect(left.map((document) => document.id).sort()).toEqual(['fin-2', 'it-1']);
    await expect(vectorStore.delete({ filter: { team: 'it' } })).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(vectorStore.delete()).rejects.toMatchObject({ code: 'invalid_request' });
  });

  test('filters by metadata inside the search: equality, $in, several keys, and refuses other shapes', async () => {
    const vectorStore = await AndesVectorStore.fromDocuments(documents(), embeddings, {
      store,
      collection: 'filtered',
    });
    const query = 'Laptops are encrypted with FileVault.';
    const ids = async (filter: Record<string, unknown>, k = 1) =>
      (await vectorStore.similaritySearch(query, k, filter as never)).map((document) => document.id).sort();
    expect(await ids({ team: 'finance' }, 3)).toEqual(['fin-1', 'fin-2']);
    expect(await ids({ team: 'finance', year: 2023 }, 3)).toEqual(['fin-2']);
    expect(await ids({ year: { $in: [2023, 2025] } }, 3)).toEqual(['fin-2']);
    expect(await ids({ team: { $eq: 'it' } }, 3)).toEqual(['it-1']);
    expect(await ids({ team: 'legal', year: 2024 }, 3)).toEqual([]);
    // k = 1 with a filter still finds the match: the filter is applied before the top k, not after.
    expect(await ids({ team: 'finance', year: 2023 })).toEqual(['fin-2']);
    await expect(vectorStore.similaritySearch(query, 1, { year: { $gt: 2020 } } as never)).rejects.toMatchObject({
      code: 'invalid_request',
    });
  });

  test('fromTexts stores texts with their metadata', async () => {
    const vectorStore = await AndesVectorStore.fromTexts(
      ['The cafeteria opens at eight.', 'Parking is free on weekends.'],
      [{ building: 'A' }, { building: 'B' }],
      embeddings,
      { store, collection: 'texts' },
    );
    const [found] = await vectorStore.similaritySearch('Parking is free on weekends.', 1);
    expect(found?.metadata).toEqual({ building: 'B' });
  });

  test('maxMarginalRelevanceSearch skips an exact duplicate that plain similarity returns first', async () => {
    const text = 'Backups run every night at two.';
    const vectorStore = await AndesVectorStore.fromDocuments(
      [
        new Document({ id: 'a', pageContent: text, metadata: {} }),
        new Document({ id: 'b', pageContent: text, metadata: {} }),
        new Document({ id: 'c', pageContent: 'Printers are on the second floor.', metadata: {} }),
      ],
      embeddings,
      { store, collection: 'mmr' },
    );
    const similar = await vectorStore.similaritySearch(text, 2);
    expect(similar.map((document) => document.pageContent)).toEqual([text, text]);
    const diverse = await vectorStore.maxMarginalRelevanceSearch(text, { k: 2, fetchK: 3, lambda: 0.3 });
    expect(diverse.map((document) => document.pageContent)).toEqual([text, 'Printers are on the second floor.']);
  });
});
