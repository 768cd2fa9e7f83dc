import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestModels, LlamaReferenceModel, makeTestModel } from '@andes-rag/testing';
import type { ControlledEvaluateInputItem, Llama, LlamaModel, Token } from 'node-llama-cpp';
import { loadLlamaBackend } from './load-llama-backend.js';

let llama: Llama;
let model: LlamaModel;
let modelPath: string;
let tokens: Token[];
let reference: LlamaReferenceModel;

beforeAll(async () => {
  ({ chatModelPath: modelPath } = await ensureTestModels());
  llama = await loadLlamaBackend({ gpu: 'cpu' });
  model = await llama.loadModel({ modelPath });
  // <|begin_of_text|>, then a prompt long enough for RoPE's position dependence and causal attention to matter.
  tokens = [128000 as Token, ...model.tokenize('The quick brown llama jumps over the lazy alpaca in the Andes.')];
  reference = await LlamaReferenceModel.load(modelPath);
});

afterAll(async () => {
  await model?.dispose();
  await llama?.dispose();
});

/** llama.cpp's next-token logits after `tokens`, as an array indexed by token id. */
async function llamaCppLogits(kvCacheType: 'F32' | 'F16', on: LlamaModel = model): Promise<Float32Array> {
  const context = await on.createContext({
    contextSize: 256,
    threads: 1,
    flashAttention: false,
    experimentalKvCacheKeyType: kvCacheType,
    experimentalKvCacheValueType: kvCacheType,
  });
  try {
    const last = tokens.length - 1;
    const input: ControlledEvaluateInputItem[] = tokens.map((token, index) =>
      index === last ? [token, { generateNext: { logits: true } }] : token,
    );
    const output = await context.getSequence().controlledEvaluate(input);
    const byToken = output[last]?.next.logits;
    if (byToken === undefined) throw new Error('llama.cpp returned no logits');
    const result = new Float32Array(byToken.size);
    for (const [token, logit] of byToken) result[token] = logit;
    return result;
  } finally {
    await context.dispose();
  }
}

function largestDifference(left: Float32Array, right: Float32Array): number {
  expect(left.length).toBe(right.length);
  let largest = 0;
  for (let index = 0; index < left.length; index++) largest = Math.max(largest, Math.abs(left[index]! - right[index]!));
  return largest;
}

function argmax(values: Float32Array): number {
  let best = 0;
  for (let index = 1; index < values.length; index++) if (values[index]! > values[best]!) best = index;
  return best;
}

describe('LlamaReferenceModel', () => {
  it('reads the tiny model’s shape', async () => {
    expect(reference.shape).toMatchObject({
      vocabularySize: 128256,
      embeddingLength: 64,
      blockCount: 2,
      headCount: 4,
      kvHeadCount: 2,
      headDimension: 16,
    });
  });

  it('matches llama.cpp’s next-token logits over the whole vocabulary', async () => {
    const expected = reference.nextTokenLogits(tokens);
    // With an F32 KV cache and no flash attention, llama.cpp computes in F32 like the reference (measured: 1.8e-7).
    expect(largestDifference(expected, await llamaCppLogits('F32'))).toBeLessThan(1e-5);
    // Its default F16 KV cache rounds keys and values: close, not equal (measured: 7.9e-4).
    expect(largestDifference(expected, await llamaCppLogits('F16'))).toBeLessThan(5e-3);
  });

  it('matches llama.cpp on an untied output head, F32 embeddings and one KV head for all four query heads', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'andes-reference-'));
    const path = join(directory, 'variant.gguf');
    await makeTestModel(path, {
      kvHeadCount: 1,
      untiedOutput: true,
      tokenEmbeddingType: 'F32',
      blockCount: 1,
      seed: 5,
    });
    const variant = await llama.loadModel({ modelPath: path });
    try {
      const expected = (await LlamaReferenceModel.load(path)).nextTokenLogits(tokens);
      expect(largestDifference(expected, await llamaCppLogits('F32', variant))).toBeLessThan(1e-5);
    } finally {
      await variant.dispose();
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('gives next-token probabilities that sum to 1 and rank first the token llama.cpp ranks first', async () => {
    const probabilities = reference.nextTokenProbabilities(tokens);
    expect(probabilities.reduce((sum, probability) => sum + probability, 0)).toBeCloseTo(1, 5);
    const llamaCpp = await llamaCppLogits('F32');
    expect(argmax(probabilities)).toBe(argmax(llamaCpp));
  });

  it('does not match with the NEOX ("halves") RoPE layout: the comparison can tell the layouts apart', async () => {
    const neox = await LlamaReferenceModel.load(modelPath, { ropeLayout: 'halves' });
    // Measured: 0.56, five orders of magnitude above the agreement of the right layout.
    expect(largestDifference(neox.nextTokenLogits(tokens), await llamaCppLogits('F32'))).toBeGreaterThan(0.1);
  });
});
