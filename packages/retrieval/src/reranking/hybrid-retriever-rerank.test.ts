import type { LlamaReranker } from '@andes-rag/embeddings';
import type { SqliteKnowledgeStore } from '@andes-rag/vectorstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkIndexText } from '../chunking/chunk-index-text.js';
import { ingestDocument } from '../ingestion/ingest-document.js';
import { HybridRetriever } from '../search/hybrid-retriever.js';
import { handbookFiles } from '../test-support/handbook-corpus.js';
import { openTemporaryStore } from '../test-support/temporary-store.js';
import { loadTestBackend, loadTinyReranker } from '../test-support/tiny-models.js';

// The tiny reranker has random weights: these tests check the reranking plumbing, not the quality of its order.
describe('HybridRetriever with the tiny reranker', () => {
  let llama: Awaited<ReturnType<typeof loadTestBackend>>;
  let reranker: LlamaReranker;
  let store: SqliteKnowledgeStore;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    llama = await loadTestBackend();
    reranker = await loadTinyReranker(llama);
    ({ store, cleanup } = await openTemporaryStore());
    for (const file of handbookFiles()) await ingestDocument({ store, collection: 'handbook', ...file });
  }, 120_000);
  afterAll(async () => {
    await cleanup();
    await reranker.dispose();
    await llama.dispose();
  });

  it('rereads the best fused candidates and orders the hits by the reranker score', async () => {
    const retriever = new HybridRetriever({ store, reranker, rerankCandidates: 6 });
    const query = 'leave for parents and vacation days';
    const { hits, trace } = await retriever.explain('handbook', query, { k: 3 });
    const lexical = trace.stages[0];
    const rerank = trace.stages.find((stage) => stage.name === 'rerank');
    expect(trace.rerankCandidates).toBe(6);
    expect(rerank?.candidates.map((candidate) => candidate.chunkId).sort()).toEqual(
      lexical?.candidates
        .slice(0, 6)
        .map((candidate) => candidate.chunkId)
        .sort(),
    );
    expect(hits.map((hit) => hit.chunkId)).toEqual(
      rerank?.candidates.slice(0, 3).map((candidate) => candidate.chunkId),
    );
    const chunks = await store.getChunks(
      'handbook',
      hits.map((hit) => hit.chunkId),
    );
    const expected = await reranker.rank(
      query,
      chunks.map((chunk) => chunkIndexText(chunk)),
    );
    expect(hits.map((hit) => hit.score)).toEqual(expected);
    expect(trace.hits[0]?.stages).toMatchObject({
      rerank: { rank: 1, score: hits[0]?.score },
      lexical: expect.any(Object),
    });
  });

  it('lets the reranker score decide coverage once a minimum score is set', async () => {
    const strict = new HybridRetriever({ store, reranker, relevance: { minRerankScore: 0.999 } });
    const { covered, trace } = await strict.explain('handbook', 'hotels reimbursed', { k: 2 });
    expect(trace.threshold).toMatchObject({ signal: 'rerank', minimum: 0.999, covered: false });
    expect(covered).toBe(false);
    const lenient = new HybridRetriever({ store, reranker, relevance: { minRerankScore: 0.001 } });
    expect((await lenient.explain('handbook', 'hotels reimbursed', { k: 2 })).covered).toBe(true);
    const nothingFound = await lenient.explain('handbook', 'zeppelin', { k: 2 });
    expect(nothingFound.trace.threshold).toEqual({ signal: 'rerank', minimum: 0.001, covered: false, best: 0 });
  });

  it('stops with aborted when the signal fires', async () => {
    const controller = new AbortController();
    controller.abort();
    const retriever = new HybridRetriever({ store, reranker });
    await expect(retriever.search('handbook', 'vpn', { k: 2, signal: controller.signal })).rejects.toMatchObject({
      code: 'aborted',
    });
  });
});
