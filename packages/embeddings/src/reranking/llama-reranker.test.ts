import { ensureTestModels, ensureTestReranker } from '@andes-rag/testing';
import { loadLlamaBackend } from '@andes-rag/inference';
import type { Llama } from 'node-llama-cpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LlamaReranker } from './llama-reranker.js';

let llama: Llama;
let reranker: LlamaReranker;

beforeAll(async () => {
  llama = await loadLlamaBackend({ gpu: 'cpu' });
  reranker = await LlamaReranker.load({ llama, modelPath: await ensureTestReranker(), threads: 1, contextSize: 256 });
});

afterAll(async () => {
  await reranker?.dispose();
  await llama?.dispose();
});

// The tiny reranker has random weights: these tests check the ranking plumbing, not the quality of its scores.
describe('LlamaReranker on the tiny Qwen3-architecture test reranker', () => {
  const query = 'How many vacation days do employees get?';
  const documents = [
    'Employees get 25 days of paid time off.',
    'Install WireGuard from the portal.',
    'Passwords need 14 characters.',
  ];

  it('scores every document, in order, as a probability, the same way every time', async () => {
    expect(reranker.id).toBe('andes-tiny-qwen3-reranker.v1');
    const scores = await reranker.rank(query, documents);
    expect(scores).toHaveLength(3);
    for (const score of scores) expect(score > 0 && score < 1).toBe(true);
    expect(new Set(scores).size).toBe(3);
    expect(await reranker.rank(query, [documents[1] as string])).toEqual([scores[1]]);
  });

  it('cuts a document longer than the context instead of failing', async () => {
    const long = Array.from({ length: 3000 }, (_, index) => `word${index}`).join(' ');
    const [score] = await reranker.rank(query, [long]);
    expect(score).toBeGreaterThan(0);
  });

  it('returns nothing for no documents, and rejects a fired signal with aborted', async () => {
    expect(await reranker.rank(query, [])).toEqual([]);
    const controller = new AbortController();
    controller.abort();
    await expect(reranker.rank(query, documents, { signal: controller.signal })).rejects.toMatchObject({
      code: 'aborted',
    });
  });

  it('refuses a model without a classification head', async () => {
    const { chatModelPath } = await ensureTestModels();
    await expect(LlamaReranker.load({ llama, modelPath: chatModelPath, threads: 1 })).rejects.toMatchObject({
      code: 'invalid_model_file',
    });
  });
});
