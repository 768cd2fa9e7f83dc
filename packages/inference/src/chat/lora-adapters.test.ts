import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { ensureTestModels, makeTestLoraAdapter } from '@andes-rag/testing';
import type { Llama } from 'node-llama-cpp';
import { loadLlamaBackend } from '../backend/load-llama-backend.js';
import { LlamaChatModel } from './llama-chat-model.js';

let llama: Llama;
let model: LlamaChatModel;
let chatModelPath: string;
let directory: string;
let adapterPath: string;
let otherAdapterPath: string;
let loadModel: MockInstance<Llama['loadModel']>;

beforeAll(async () => {
  ({ chatModelPath } = await ensureTestModels());
  directory = await mkdtemp(join(tmpdir(), 'andes-lora-'));
  adapterPath = join(directory, 'adapter.gguf');
  otherAdapterPath = join(directory, 'other-adapter.gguf');
  await makeTestLoraAdapter(adapterPath, { baseModelPath: chatModelPath, seed: 3 });
  await makeTestLoraAdapter(otherAdapterPath, { baseModelPath: chatModelPath, seed: 4 });
  llama = await loadLlamaBackend({ gpu: 'cpu' });
  loadModel = vi.spyOn(llama, 'loadModel');
  model = await LlamaChatModel.load({
    llama,
    modelPath: chatModelPath,
    threads: 1,
    sequences: 1,
    contextSize: 512,
    maxAdapterContexts: 1,
  });
});

afterAll(async () => {
  await model?.dispose();
  await llama?.dispose();
  await rm(directory, { recursive: true, force: true });
});

const question = [{ role: 'user' as const, content: 'Where is Aconcagua?' }];
const greedy = { maxTokens: 8, temperature: 0 };

describe('LoRA adapters chosen per request', () => {
  it('changes greedy output with the adapter, leaves the base model as it was, and never reloads the model', async () => {
    const before = await model.generate(question, greedy);
    const adapted = await model.generate(question, { ...greedy, lora: { path: adapterPath, scale: 4 } });
    const after = await model.generate(question, greedy);
    expect(adapted.text).not.toBe(before.text);
    expect(after.text).toBe(before.text);
    // The same adapter again reuses its context and gives the same text.
    expect((await model.generate(question, { ...greedy, lora: { path: adapterPath, scale: 4 } })).text).toBe(
      adapted.text,
    );
    expect(loadModel).toHaveBeenCalledTimes(1);
  });

  it('equals the base model at scale 0', async () => {
    const base = await model.generate(question, greedy);
    const scaledAway = await model.generate(question, { ...greedy, lora: { path: adapterPath, scale: 0 } });
    expect(scaledAway.text).toBe(base.text);
  });

  it('keeps at most maxAdapterContexts, replacing the least recently used idle one', async () => {
    const first = await model.generate(question, { ...greedy, lora: { path: adapterPath, scale: 4 } });
    const other = await model.generate(question, { ...greedy, lora: { path: otherAdapterPath, scale: 4 } });
    expect(model.adapterContextCount).toBe(1);
    expect(other.text).not.toBe(first.text);
    expect((await model.generate(question, { ...greedy, lora: { path: adapterPath, scale: 4 } })).text).toBe(
      first.text,
    );
    expect(loadModel).toHaveBeenCalledTimes(1);
  });

  it('refuses another adapter with queue_full while every adapter context is busy', async () => {
    // Hold the only adapter context with a long greedy generation (it repeats one token, so it does not stop early),
    // and ask for another adapter only once that generation is streaming.
    let streaming: () => void = () => {};
    const firstText = new Promise<void>((resolve) => (streaming = resolve));
    const busy = model.generate(question, {
      ...greedy,
      maxTokens: 300,
      onTextChunk: () => streaming(),
      lora: { path: adapterPath },
    });
    await firstText;
    await expect(model.generate(question, { ...greedy, lora: { path: otherAdapterPath } })).rejects.toMatchObject({
      code: 'queue_full',
    });
    expect((await busy).completionTokens).toBe(300);
    expect((await model.generate(question, { ...greedy, lora: { path: otherAdapterPath } })).completionTokens).toBe(8);
  });

  it('refuses a missing adapter with model_not_found and a model file given as adapter with invalid_model_file', async () => {
    await expect(model.generate(question, { lora: { path: join(directory, 'missing.gguf') } })).rejects.toMatchObject({
      code: 'model_not_found',
    });
    await expect(model.generate(question, { lora: { path: chatModelPath } })).rejects.toMatchObject({
      code: 'invalid_model_file',
    });
  });

  it('refuses an adapter made for another shape with model_error, and keeps serving', async () => {
    const mismatched = join(directory, 'mismatched.gguf');
    await makeTestLoraAdapter(mismatched, {
      shape: { embeddingLength: 32, blockCount: 2, headCount: 4, kvHeadCount: 2, feedForwardLength: 128 },
    });
    await expect(model.generate(question, { lora: { path: mismatched } })).rejects.toMatchObject({
      code: 'model_error',
    });
    expect((await model.generate(question, greedy)).completionTokens).toBe(8);
  });
});
