import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLlamaBackend } from '@andes-rag/inference';
import { ensureTestModels } from '@andes-rag/testing';
import type { Llama } from 'node-llama-cpp';
import { LlamaEmbeddingModel } from './llama-embedding-model.js';

let llama: Llama;
let model: LlamaEmbeddingModel;
let embeddingModelPath: string;

beforeAll(async () => {
  ({ embeddingModelPath } = await ensureTestModels());
  llama = await loadLlamaBackend({ gpu: 'cpu' });
  model = await LlamaEmbeddingModel.load({ llama, modelPath: embeddingModelPath, threads: 1, contextSize: 256 });
});

afterAll(async () => {
  await model?.dispose();
  await llama?.dispose();
});

function length(vector: Float32Array): number {
  return Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
}

function cosine(left: Float32Array, right: Float32Array): number {
  return left.reduce((sum, value, index) => sum + value * (right[index] ?? 0), 0);
}

describe('LlamaEmbeddingModel on the tiny Llama 3 embedding model', () => {
  it('returns unit vectors of the model dimensions, with no prefixes for an unknown model', async () => {
    expect(model.dimensions).toBe(64);
    expect(model.prefixes).toEqual({ query: '', document: '' });
    const vector = await model.embedQuery('How do I reset my password?');
    expect(vector).toBeInstanceOf(Float32Array);
    expect(vector).toHaveLength(64);
    expect(length(vector)).toBeCloseTo(1, 5);
  });

  it('gives the same vector for the same text and different vectors for different texts', async () => {
    const first = await model.embedQuery('The VPN needs a hardware token.');
    const again = await model.embedQuery('The VPN needs a hardware token.');
    const other = await model.embedQuery('Lunch is served at noon in the cafeteria.');
    expect(Array.from(again)).toEqual(Array.from(first));
    expect(cosine(first, other)).toBeLessThan(0.9999);
  });

  it('embeds a batch exactly as one text at a time', async () => {
    const texts = ['alpha release notes', 'the on-call rotation', 'expense policy for travel', 'alpha release notes'];
    const batch = await model.embedDocuments(texts);
    const single = await Promise.all(texts.map((text) => model.embedDocuments([text])));
    expect(batch.map((vector) => Array.from(vector))).toEqual(single.map(([vector]) => Array.from(vector ?? [])));
  });

  it('truncates input longer than the context instead of failing', async () => {
    const vector = await model.embedQuery('policy '.repeat(2000));
    expect(length(vector)).toBeCloseTo(1, 5);
  });

  it('counts the tokens of a text with its own tokenizer, cut to the context like the text it embeds', () => {
    expect(model.countTokens('hello world')).toBe(2);
    expect(model.countTokens('hello world '.repeat(400))).toBeLessThan(256);
    expect(model.countTokens(Array.from({ length: 100 }, () => 'hello world').join(' '))).toBe(200);
  });

  it('embeds an empty text', async () => {
    expect(length(await model.embedQuery(''))).toBeCloseTo(1, 5);
  });

  it('applies configured prefixes to queries and documents', async () => {
    const prefixed = await LlamaEmbeddingModel.load({
      llama,
      modelPath: embeddingModelPath,
      threads: 1,
      contextSize: 256,
      queryPrefix: 'query: ',
      documentPrefix: 'passage: ',
    });
    try {
      const [document] = await prefixed.embedDocuments(['remote work']);
      expect(Array.from(document ?? [])).toEqual(Array.from(await model.embedQuery('passage: remote work')));
      expect(Array.from(await model.embedQuery('query: remote work'))).toEqual(
        Array.from(await prefixed.embedQuery('remote work')),
      );
    } finally {
      await prefixed.dispose();
    }
  });

  it('rejects with aborted when the signal has fired', async () => {
    await expect(model.embedDocuments(['a', 'b'], { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'aborted',
    });
  });

  it('refuses a missing model file with model_not_found', async () => {
    await expect(LlamaEmbeddingModel.load({ llama, modelPath: '/nonexistent/embedding.gguf' })).rejects.toMatchObject({
      code: 'model_not_found',
    });
  });
});
