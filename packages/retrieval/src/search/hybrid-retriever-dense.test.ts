import type { LlamaEmbeddingModel } from '@andes-rag/embeddings';
import type { SqliteKnowledgeStore } from '@andes-rag/vectorstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../ingestion/ingest-document.js';
import { handbookFiles } from '../test-support/handbook-corpus.js';
import { openTemporaryStore } from '../test-support/temporary-store.js';
import { loadTestBackend, loadTinyEmbeddingModel } from '../test-support/tiny-models.js';
import { HybridRetriever } from './hybrid-retriever.js';

// The tiny embedding model has random weights: these tests check the dense and fusion plumbing, not ranking quality.
describe('HybridRetriever with the tiny embedding model (dense + fusion)', () => {
  let llama: Awaited<ReturnType<typeof loadTestBackend>>;
  let embeddingModel: LlamaEmbeddingModel;
  let store: SqliteKnowledgeStore;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    llama = await loadTestBackend();
    embeddingModel = await loadTinyEmbeddingModel(llama);
    ({ store, cleanup } = await openTemporaryStore());
    for (const file of handbookFiles()) {
      await ingestDocument({ store, embeddingModel, collection: 'handbook', ...file, embeddingBatchSize: 2 });
      await ingestDocument({ store, collection: 'lexical-only', ...file });
    }
  }, 120_000);
  afterAll(async () => {
    await cleanup();
    await embeddingModel.dispose();
    await llama.dispose();
  });

  it('stores one vector per chunk, tagged with the model', async () => {
    const collection = await store.getCollection('handbook');
    expect(collection).toMatchObject({
      embeddingDimensions: embeddingModel.dimensions,
      embeddingModel: embeddingModel.id,
    });
  });

  it('fuses BM25 and dense ranks by reciprocal rank fusion, and explains both', async () => {
    // Document-aware ranking off: this checks the fused scores themselves.
    const retriever = new HybridRetriever({ store, embeddingModel, documentBoost: 0 });
    const { hits, trace } = await retriever.explain('handbook', 'hotel reimbursement on business trips', { k: 5 });
    expect(hits).toHaveLength(5);
    expect(trace.rrfK).toBe(60);
    expect(trace.stages.map((stage) => [stage.name, stage.skipped])).toEqual([
      ['lexical', undefined],
      ['dense', undefined],
      ['fusion', undefined],
    ]);
    const chunkCount = (await store.getCollection('handbook'))?.chunkCount;
    expect(trace.stages[1]?.candidates).toHaveLength(chunkCount as number);
    for (const explained of trace.hits) {
      const { lexical, dense, fusion } = explained.stages;
      const expected = (lexical ? 1 / (60 + lexical.rank) : 0) + (dense ? 1 / (60 + dense.rank) : 0);
      expect(explained.score).toBeCloseTo(expected, 12);
      expect(fusion?.rank).toBe(explained.rank);
    }
    expect(hits[0]?.score).toBe(trace.hits[0]?.score);
  });

  it('searches by embeddings alone when BM25 is turned off', async () => {
    const retriever = new HybridRetriever({ store, embeddingModel, lexical: false, documentBoost: 0 });
    const { hits, trace } = await retriever.explain('handbook', 'anything at all', { k: 3 });
    expect(hits).toHaveLength(3);
    expect(trace.stages.map((stage) => [stage.name, stage.skipped])).toEqual([
      ['lexical', 'disabled'],
      ['dense', undefined],
    ]);
    for (const hit of hits) expect(Math.abs(hit.score)).toBeLessThanOrEqual(1 + 1e-6);
  });

  it('skips dense retrieval on a collection stored without vectors', async () => {
    const retriever = new HybridRetriever({ store, embeddingModel });
    const { hits, trace } = await retriever.explain('lexical-only', 'WireGuard', { k: 3 });
    expect(hits[0]?.source).toBe('it/vpn.md');
    expect(trace.stages[1]).toMatchObject({ name: 'dense', skipped: 'the collection has no embeddings' });
  });
});
