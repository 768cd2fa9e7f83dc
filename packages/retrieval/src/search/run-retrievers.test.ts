import { describe, expect, it } from 'vitest';
import { AndesError, type EmbeddingModel, type KnowledgeStore } from '@andes-rag/core';
import { runRetrievers, type RetrieverRun } from './run-retrievers.js';

/** An embedding model whose query embedding takes `delayMs`, recording when it settled and the signal it got. */
function slowEmbeddingModel(delayMs: number) {
  const record = { settledAt: 0, signal: undefined as AbortSignal | undefined };
  const model = {
    id: 'slow',
    dimensions: 2,
    embedQuery: async (_text: string, options?: { signal?: AbortSignal }) => {
      record.signal = options?.signal;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      record.settledAt = performance.now();
      return new Float32Array([1, 0]);
    },
    embedDocuments: async () => [new Float32Array([1, 0])],
  } as unknown as EmbeddingModel;
  return { model, record };
}

function run(store: Partial<KnowledgeStore>, embeddingModel: EmbeddingModel): RetrieverRun {
  return {
    store: store as KnowledgeStore,
    collection: 'docs',
    lexical: true,
    embeddingModel,
    denseSkipped: undefined,
    storeOptions: { k: 5 },
    signal: undefined,
  };
}

describe('runRetrievers', () => {
  it('waits for the query embedding to settle, and cancels it, before a lexical failure is thrown', async () => {
    const { model, record } = slowEmbeddingModel(150);
    const damaged = new AndesError('store_corrupt', 'database disk image is malformed');
    const store = {
      searchLexical: () => Promise.reject(damaged),
      searchVector: async () => [],
    };
    let rejectedAt = 0;
    const outcome = runRetrievers(run(store, model), [{ text: 'hotel caps', kind: 'query' }]).catch(
      (error: unknown) => {
        rejectedAt = performance.now();
        return error;
      },
    );
    expect(await outcome).toBe(damaged);
    expect(record.settledAt).toBeGreaterThan(0);
    expect(rejectedAt).toBeGreaterThanOrEqual(record.settledAt);
    expect(record.signal?.aborted).toBe(true);
  });

  it('returns both stages when both succeed', async () => {
    const { model, record } = slowEmbeddingModel(5);
    const store = {
      searchLexical: async () => [{ chunkId: 'a', score: 2 }],
      searchVector: async () => [{ chunkId: 'b', score: 0.9 }],
    };
    const stages = await runRetrievers(run(store, model), [{ text: 'hotel caps', kind: 'query' }]);
    expect(stages.map((stage) => [stage.name, stage.candidates.map((candidate) => candidate.chunkId)])).toEqual([
      ['lexical', ['a']],
      ['dense', ['b']],
    ]);
    expect(record.signal?.aborted).toBe(false);
  });
});
