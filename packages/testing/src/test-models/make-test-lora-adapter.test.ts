import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGgufFile, readGgufTensor } from '@andes-rag/gguf';
import { ensureTestModels } from './ensure-test-models.js';
import { makeTestLoraAdapter } from './make-test-lora-adapter.js';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'andes-lora-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('makeTestLoraAdapter', () => {
  it('writes the keys and tensor layout llama.cpp expects of a LoRA adapter, shaped after the base model', async () => {
    const { chatModelPath } = await ensureTestModels();
    const path = join(directory, 'adapter.gguf');
    const description = await makeTestLoraAdapter(path, { baseModelPath: chatModelPath, rank: 3, alpha: 6 });
    const { metadata, tensors } = await readGgufFile(path);
    expect(metadata['general.type']?.value).toBe('adapter');
    expect(metadata['general.architecture']?.value).toBe('llama');
    expect(metadata['adapter.type']?.value).toBe('lora');
    expect(metadata['adapter.lora.alpha']?.value).toBe(6);

    const shapes = new Map(tensors.map((tensor) => [tensor.name, tensor.dimensions]));
    expect(tensors).toHaveLength(2 * 7 * 2);
    // W is [n_in, n_out]; A is [n_in, rank]; B is [rank, n_out].
    expect(shapes.get('blk.0.attn_k.weight.lora_a')).toEqual([64, 3]);
    expect(shapes.get('blk.0.attn_k.weight.lora_b')).toEqual([3, 32]);
    expect(shapes.get('blk.1.ffn_down.weight.lora_a')).toEqual([128, 3]);
    expect(shapes.get('blk.1.ffn_down.weight.lora_b')).toEqual([3, 64]);
    expect(description.tensorNames).toEqual(tensors.map((tensor) => tensor.name));
  });

  it('follows a shape without a base file, adapts only the targets asked for, and is deterministic', async () => {
    const shape = { embeddingLength: 32, blockCount: 1, headCount: 4, kvHeadCount: 1, feedForwardLength: 48 };
    const first = join(directory, 'first.gguf');
    const second = join(directory, 'second.gguf');
    await makeTestLoraAdapter(first, { shape, targets: ['attn_v', 'ffn_up'], seed: 9 });
    await makeTestLoraAdapter(second, { shape, targets: ['attn_v', 'ffn_up'], seed: 9 });
    const file = await readGgufFile(first);
    expect(file.tensors.map((tensor) => [tensor.name, ...tensor.dimensions])).toEqual([
      ['blk.0.attn_v.weight.lora_a', 32, 4],
      ['blk.0.attn_v.weight.lora_b', 4, 8],
      ['blk.0.ffn_up.weight.lora_a', 32, 4],
      ['blk.0.ffn_up.weight.lora_b', 4, 48],
    ]);
    const again = await readGgufFile(second);
    expect(await readGgufTensor(again, 'blk.0.ffn_up.weight.lora_b')).toEqual(
      await readGgufTensor(file, 'blk.0.ffn_up.weight.lora_b'),
    );
  });

  it('refuses a rank that is not a positive integer', async () => {
    await expect(makeTestLoraAdapter(join(directory, 'bad.gguf'), { rank: 0 })).rejects.toMatchObject({
      code: 'invalid_request',
    });
  });
});
