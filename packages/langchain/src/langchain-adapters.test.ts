import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Document } from '@langchain/core/documents';
import { RunnableLambda, RunnableSequence } from '@langchain/core/runnables';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LlamaEmbeddingModel } from '@andes-rag/embeddings';
import { ensureTestModels } from '@andes-rag/testing';
import { loadLlamaBackend } from '@andes-rag/inference';
import { HybridRetriever, ingestDocument } from '@andes-rag/retrieval';
import { SqliteKnowledgeStore } from '@andes-rag/vectorstore';
import { AndesEmbeddings, AndesRetriever, AndesVectorStore } from './index.js';

// The adapters over real parts: SQLite + hnswlib store, the tiny Llama 3 embedding GGUF, LangChain's own runnables.
describe('LangChain adapters', () => {
  let dataDir: string;
  let store: SqliteKnowledgeStore;
  let model: LlamaEmbeddingModel;
  let llama: Awaited<ReturnType<typeof loadLlamaBackend>>;

  beforeAll(async () => {
    const { embeddingModelPath } = await ensureTestModels();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'andes-langchain-'));
    store = await SqliteKnowledgeStore.open({ dataDir });
    llama = await loadLlamaBackend({ gpu: 'cpu' });
    model = await LlamaEmbeddingModel.load({ llama, modelPath: embeddingModelPath, threads: 1 });
  }, 60_000);

  afterAll(async () => {
    await model?.dispose();
    await llama?.dispose();
    await store?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('AndesEmbeddings returns the model vectors as number arrays', async () => {
    const embeddings = new AndesEmbeddings({ model });
    const [vector] = await embeddings.embedDocuments(['Quarterly access reviews']);
    const direct = await model.embedDocuments(['Quarterly access reviews']);
    expect(vector).toHaveLength(model.dimensions);
    expect(vector).toEqual(Array.from(direct[0] ?? []));
  });

  test('AndesVectorStore stores LangChain documents once and finds the exact one by its own text', async () => {
    const vectorStore = new AndesVectorStore(new AndesEmbeddings({ model }), { store, collection: 'lc' });
    const documents = [
      new Document({ pageContent: 'Laptops are encrypted with FileVault.', metadata: { source: 'it.md' } }),
      new Document({ pageContent: 'Expense reports are due within 30 days.', metadata: { source: 'finance.md' } }),
      new Document({ pageContent: 'The cafeteria opens at eight.', metadata: { source: 'office.md' } }),
    ];
    const ids = await vectorStore.addDocuments(documents);
    expect(await vectorStore.addDocuments(documents)).toEqual(ids);
    expect((await store.listDocuments('lc')).length).toBe(3);

    const [best] = await vectorStore.similaritySearchWithScore('Expense reports are due within 30 days.', 1);
    expect(best?.[0].pageContent).toBe('Expense reports are due within 30 days.');
    expect(best?.[0].metadata).toEqual({ source: 'finance.md' });
    expect(best?.[1]).toBeCloseTo(1, 5);

    await vectorStore.delete({ ids: [ids[1] as string] });
    const after = await vectorStore.similaritySearch('Expense reports are due within 30 days.', 3);
    expect(after.map((document) => document.pageContent)).not.toContain('Expense reports are due within 30 days.');
  });

  test('AndesRetriever plugs Andes retrieval into a LangChain chain', async () => {
    for (const [source, text] of [
      ['vpn.md', '# VPN\n\nUse WireGuard to reach the office network from home.'],
      ['lunch.md', '# Lunch\n\nThe canteen serves lunch from noon until two.'],
    ] as const) {
      await ingestDocument({ store, collection: 'docs', source, bytes: new TextEncoder().encode(text) });
    }
    const retriever = new AndesRetriever({ retriever: new HybridRetriever({ store }), collection: 'docs', k: 1 });
    const chain = RunnableSequence.from([
      retriever,
      RunnableLambda.from((documents: Document[]) =>
        documents.map((document) => document.metadata['source'] as string),
      ),
    ]);
    expect(await chain.invoke('How do I reach the office network from home?')).toEqual(['vpn.md']);
    const [document] = await retriever.invoke('canteen lunch');
    expect(document?.metadata).toMatchObject({ source: 'lunch.md', headingPath: ['Lunch'] });
    expect(document?.metadata['chunkId']).toBeTruthy();
  });
});
