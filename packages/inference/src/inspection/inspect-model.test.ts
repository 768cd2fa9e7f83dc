import { describe, expect, it } from 'vitest';
import { ensureTestModels } from '@andes-rag/testing';
import { formatModelInspection } from './format-model-inspection.js';
import { loadLlamaBackend } from '../backend/load-llama-backend.js';
import { inspectModel } from './inspect-model.js';

/** The report without its memory-estimate lines. */
function inspectionWithoutEstimate(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^(Memory estimate| {2}VRAM| {2}RAM|Fits this machine)/.test(line))
    .join('\n');
}

describe('inspectModel', () => {
  it('reports the tiny Llama 3 test model', async () => {
    const { chatModelPath } = await ensureTestModels();
    const inspection = await inspectModel(chatModelPath);
    expect(inspection).toMatchObject({
      name: 'andes-tiny-llama3-chat',
      architecture: 'llama',
      layers: 2,
      heads: 4,
      kvHeads: 2,
      headDimension: 16,
      embeddingLength: 64,
      feedForwardLength: 128,
      vocabularySize: 128256,
      contextLength: 2048,
      ropeFrequencyBase: 500000,
      tokenizerPre: 'llama-bpe',
      llama3Tokenizer: true,
      hasChatTemplate: true,
      // 2 (K and V) x 2 layers x 2 KV heads x 16 dims x 2 bytes.
      kvCacheBytesPerToken: 256,
    });
    expect(inspection.fileBytes).toBeGreaterThan(20 * 1024 * 1024);

    const text = formatModelInspection(inspection);
    expect(text).toMatch(/Layers\s+2/);
    expect(text).toMatch(/KV heads 2/);
    expect(text).toMatch(/grouped-query attention/);
    expect(text).toMatch(/Llama 3 tokenizer\s+yes/);
    expect(text).toMatch(/RoPE base\s+500,000/);
    expect(text).toMatch(/256 bytes per token, 512\.0 KiB at 2,048 tokens/);
  });

  it('estimates memory for a context size on this machine’s backend and says whether it fits', async () => {
    const { chatModelPath } = await ensureTestModels();
    const llama = await loadLlamaBackend({ gpu: 'cpu' });
    try {
      const small = await inspectModel(chatModelPath, { contextSize: 512, llama });
      const large = await inspectModel(chatModelPath, { contextSize: 2048, sequences: 4, llama });
      // This machine has no GPU: everything is in RAM, and a 23 MiB model fits.
      expect(small.resources).toMatchObject({
        contextSize: 512,
        sequences: 1,
        gpu: false,
        gpuLayers: 0,
        vramBytes: 0,
        freeVramBytes: undefined,
        fits: true,
      });
      expect(small.resources?.modelBytes.ram).toBeGreaterThan(10 * 1024 * 1024);
      expect(large.resources?.contextBytes.ram).toBeGreaterThan(small.resources?.contextBytes.ram ?? Infinity);
      expect(large.resources?.ramBytes).toBe(
        (large.resources?.modelBytes.ram ?? 0) + (large.resources?.contextBytes.ram ?? 0),
      );

      const text = formatModelInspection(large);
      expect(text).toMatch(/Memory estimate\s+for a context of 2,048 tokens × 4 sequences, CPU only/);
      expect(text).toMatch(/RAM\s+[\d.]+ MiB \(model [\d.]+ MiB \+ context [\d.]+ MiB\)/);
      expect(text).toMatch(/Fits this machine\s+yes \([\d.]+ GiB RAM free\)/);
      expect(inspectionWithoutEstimate(text)).toBe(formatModelInspection(await inspectModel(chatModelPath)));
    } finally {
      await llama.dispose();
    }
  });

  it('refuses a context size that is not a positive integer', async () => {
    const { chatModelPath } = await ensureTestModels();
    await expect(inspectModel(chatModelPath, { contextSize: 0 })).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('refuses a file that is not there', async () => {
    await expect(inspectModel('/nonexistent/model.gguf')).rejects.toMatchObject({ code: 'model_not_found' });
  });
});
