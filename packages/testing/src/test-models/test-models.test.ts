import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGgufFile, readGgufTensor } from '@andes-rag/gguf';
import { ensureTestModels, type TestModelPaths } from './ensure-test-models.js';
import { makeTestModel } from './make-test-model.js';

let directory: string;
let models: TestModelPaths;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'andes-test-models-'));
  models = await ensureTestModels({ directory });
}, 60_000);
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function sha256(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

describe('test models', () => {
  it('writes a Llama 3 architecture with grouped-query attention and tied F16 embeddings', async () => {
    const { metadata, tensors } = await readGgufFile(models.chatModelPath);
    const value = (key: string) => metadata[key]?.value;
    expect(value('general.architecture')).toBe('llama');
    expect(value('llama.block_count')).toBe(2);
    expect(value('llama.embedding_length')).toBe(64);
    expect(value('llama.attention.head_count')).toBe(4);
    expect(value('llama.attention.head_count_kv')).toBe(2);
    expect(value('llama.context_length')).toBe(2048);
    expect(value('llama.rope.freq_base')).toBe(500000);
    expect(value('llama.attention.layer_norm_rms_epsilon')).toBeCloseTo(1e-5, 10);
    expect(value('llama.pooling_type')).toBeUndefined();

    const shapes = new Map(tensors.map((tensor) => [tensor.name, [tensor.type, ...tensor.dimensions]]));
    expect(shapes.get('token_embd.weight')).toEqual(['F16', 64, 128256]);
    expect(shapes.has('output.weight')).toBe(false);
    expect(shapes.get('blk.1.attn_q.weight')).toEqual(['F32', 64, 64]);
    expect(shapes.get('blk.1.attn_k.weight')).toEqual(['F32', 64, 32]);
    expect(shapes.get('blk.1.attn_v.weight')).toEqual(['F32', 64, 32]);
    expect(shapes.get('blk.1.ffn_gate.weight')).toEqual(['F32', 64, 128]);
    expect(shapes.get('blk.1.ffn_down.weight')).toEqual(['F32', 128, 64]);
    expect(shapes.get('output_norm.weight')).toEqual(['F32', 64]);
  });

  it('carries the real Llama 3 tokenizer and chat template', async () => {
    const { metadata } = await readGgufFile(models.chatModelPath);
    const tokens = metadata['tokenizer.ggml.tokens']?.value as string[];
    const types = metadata['tokenizer.ggml.token_type']?.value as number[];
    expect(metadata['tokenizer.ggml.model']?.value).toBe('gpt2');
    expect(metadata['tokenizer.ggml.pre']?.value).toBe('llama-bpe');
    expect(tokens).toHaveLength(128256);
    expect(tokens[128000]).toBe('<|begin_of_text|>');
    expect(tokens[128009]).toBe('<|eot_id|>');
    expect(tokens[9906]).toBe('Hello');
    expect(types.slice(127999, 128002)).toEqual([1, 3, 3]);
    expect(types.filter((type) => type === 3)).toHaveLength(256);
    expect((metadata['tokenizer.ggml.merges']?.value as string[])[0]).toBe('Ġ Ġ');
    expect(metadata['tokenizer.ggml.bos_token_id']?.value).toBe(128000);
    expect(metadata['tokenizer.ggml.eos_token_id']?.value).toBe(128009);
    expect(metadata['tokenizer.chat_template']?.value).toContain('<|start_header_id|>');
  });

  it('gives the embedding model mean pooling and its own weights', async () => {
    const embedding = await readGgufFile(models.embeddingModelPath);
    const chat = await readGgufFile(models.chatModelPath);
    expect(embedding.metadata['llama.pooling_type']?.value).toBe(1);
    const embeddingWeights = await readGgufTensor(embedding, 'blk.0.attn_q.weight');
    const chatWeights = await readGgufTensor(chat, 'blk.0.attn_q.weight');
    expect(embeddingWeights).not.toEqual(chatWeights);
  });

  it('is deterministic: the same options write the same bytes', async () => {
    const again = join(directory, 'again.gguf');
    await makeTestModel(again, { kind: 'chat' });
    expect(await sha256(again)).toBe(await sha256(models.chatModelPath));
  });

  it('reuses cached files instead of rebuilding them', async () => {
    const before = await stat(models.chatModelPath);
    expect(await ensureTestModels({ directory })).toEqual(models);
    expect((await stat(models.chatModelPath)).mtimeMs).toBe(before.mtimeMs);
  });

  it('tiles F16 weights from one random block when asked, for large models written at disk speed', async () => {
    const path = join(directory, 'tiled.gguf');
    const description = await makeTestModel(path, { weightType: 'F16', weightFill: 'tiled', feedForwardLength: 1100 });
    expect(description).toMatchObject({ weightType: 'F16', weightFill: 'tiled' });
    const file = await readGgufFile(path);
    const gate = file.tensors.find((tensor) => tensor.name === 'blk.0.ffn_gate.weight');
    expect(gate).toMatchObject({ type: 'F16', dimensions: [64, 1100] });
    // 64 × 1100 = 70,400 values: one block of 65,536, then the block's first 4,864 values again.
    const values = await readGgufTensor(file, 'blk.0.ffn_gate.weight');
    expect(values.subarray(65536, 65536 + 4864)).toEqual(values.subarray(0, 4864));
    expect(new Set(values.subarray(0, 1000)).size).toBeGreaterThan(900);
  });

  it('follows shape options, with an untied output head when asked', async () => {
    const path = join(directory, 'custom.gguf');
    const description = await makeTestModel(path, {
      embeddingLength: 32,
      blockCount: 1,
      kvHeadCount: 1,
      untiedOutput: true,
    });
    const { tensors } = await readGgufFile(path);
    const shapes = new Map(tensors.map((tensor) => [tensor.name, tensor.dimensions]));
    expect(description).toMatchObject({ embeddingLength: 32, blockCount: 1, headCount: 4, kvHeadCount: 1 });
    expect(shapes.get('output.weight')).toEqual([32, 128256]);
    expect(shapes.get('blk.0.attn_k.weight')).toEqual([32, 8]);
    expect(shapes.has('blk.1.attn_q.weight')).toBe(false);
  });
});
