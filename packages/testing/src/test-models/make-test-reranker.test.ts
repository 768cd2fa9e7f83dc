import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGgufFile } from '@andes-rag/gguf';
import { ensureTestReranker } from './make-test-reranker.js';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'andes-test-reranker-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('the test reranker', () => {
  it('is a Qwen3-architecture file with a two-label classification head and rank pooling, built once', async () => {
    const path = await ensureTestReranker({ directory });
    expect(await ensureTestReranker({ directory })).toBe(path);
    const { metadata, tensors } = await readGgufFile(path);
    const value = (key: string) => metadata[key]?.value;
    expect(value('general.architecture')).toBe('qwen3');
    expect(value('qwen3.pooling_type')).toBe(4);
    expect(value('qwen3.classifier.output_labels')).toEqual(['yes', 'no']);
    expect(value('tokenizer.ggml.eos_token_id')).toBe(128009);
    const shapes = new Map(tensors.map((tensor) => [tensor.name, tensor.dimensions]));
    expect(shapes.get('cls.output.weight')).toEqual([64, 2]);
    expect(shapes.get('blk.1.attn_q_norm.weight')).toEqual([16]);
    expect(shapes.get('blk.1.attn_k_norm.weight')).toEqual([16]);
  });
});
