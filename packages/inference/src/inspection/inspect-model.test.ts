import { describe, expect, it } from 'vitest';
import { ensureTestModels } from '@andes/gguf';
import { formatModelInspection } from './format-model-inspection.js';
import { inspectModel } from './inspect-model.js';

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

  it('refuses a file that is not there', async () => {
    await expect(inspectModel('/nonexistent/model.gguf')).rejects.toMatchObject({ code: 'model_not_found' });
  });
});
