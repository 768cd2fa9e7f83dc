import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestModels } from '@andes-rag/testing';
import type { Llama } from 'node-llama-cpp';
import { loadLlamaBackend } from '../backend/load-llama-backend.js';
import { LlamaChatModel } from './llama-chat-model.js';

let llama: Llama;
let model: LlamaChatModel;

beforeAll(async () => {
  const { chatModelPath } = await ensureTestModels();
  llama = await loadLlamaBackend({ gpu: 'cpu' });
  model = await LlamaChatModel.load({ llama, modelPath: chatModelPath, threads: 1, sequences: 2 });
});

afterAll(async () => {
  await model?.dispose();
  await llama?.dispose();
});

const question = [{ role: 'user' as const, content: 'Name three mountains.' }];

describe('sampling options', () => {
  it('repeats the text for the same seed at temperature > 0, and changes it for another seed', async () => {
    const sampled = { maxTokens: 12, temperature: 0.9, topK: 50, topP: 0.9, minP: 0.01 };
    const first = await model.generate(question, { ...sampled, seed: 11 });
    const again = await model.generate(question, { ...sampled, seed: 11 });
    const other = await model.generate(question, { ...sampled, seed: 12 });
    expect(again.text).toBe(first.text);
    expect(other.text).not.toBe(first.text);
  });

  it('ends at a stop sequence, leaving it out of the answer, with finishReason stop', async () => {
    const free = await model.generate(question, { maxTokens: 24 });
    expect(free.finishReason).toBe('length');
    const stop = free.text.slice(10, 13);
    const stopped = await model.generate(question, { maxTokens: 24, stopSequences: ['never appears: ∅∅∅', stop] });
    expect(stopped.finishReason).toBe('stop');
    expect(stopped.text).toBe(free.text.slice(0, free.text.indexOf(stop)));
  });

  it('ends with finishReason length after maxTokens', async () => {
    const generation = await model.generate(question, { maxTokens: 3, temperature: 1, seed: 1 });
    expect(generation).toMatchObject({ finishReason: 'length', completionTokens: 3 });
  });

  it('changes greedy output with a repeat penalty, and keeps it with the penalty off', async () => {
    const penalised = await model.generate(question, { maxTokens: 40, repeatPenalty: { penalty: 3, lastTokens: 64 } });
    const plain = await model.generate(question, { maxTokens: 40, repeatPenalty: false });
    const plainAgain = await model.generate(question, { maxTokens: 40, repeatPenalty: false });
    expect(plainAgain.text).toBe(plain.text);
    expect(penalised.text).not.toBe(plain.text);
  });

  it('refuses out-of-range values with invalid_request before taking a sequence', async () => {
    await expect(model.generate(question, { topP: 1.5 })).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(model.generate(question, { temperature: -1 })).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(model.generate(question, { topK: 2.5 })).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(model.generate(question, { repeatPenalty: { lastTokens: -1 } })).rejects.toMatchObject({
      code: 'invalid_request',
    });
  });
});

describe('structured output', () => {
  const schema = {
    type: 'object',
    properties: {
      answer: { enum: ['yes', 'no', 'unsure'] },
      confident: { type: 'boolean' },
      peaks: { type: 'array', items: { type: 'string', maxLength: 12 }, maxItems: 3 },
      note: { type: ['string', 'null'], maxLength: 20 },
    },
    required: ['answer', 'confident', 'peaks', 'note'],
  } as const;

  it('answers with JSON that parses and matches the schema, even from a model of random weights', async () => {
    for (const seed of [1, 2, 3]) {
      const generation = await model.generate(question, { jsonSchema: schema, temperature: 1, seed, maxTokens: 400 });
      expect(generation.finishReason).toBe('stop');
      const value = JSON.parse(generation.text) as Record<string, unknown>;
      expect(Object.keys(value).sort()).toEqual(['answer', 'confident', 'note', 'peaks']);
      expect(['yes', 'no', 'unsure']).toContain(value['answer']);
      expect(typeof value['confident']).toBe('boolean');
      expect(Array.isArray(value['peaks'])).toBe(true);
      const peaks = value['peaks'] as unknown[];
      expect(peaks.length).toBeLessThanOrEqual(3);
      for (const peak of peaks) expect(typeof peak === 'string' && peak.length <= 12).toBe(true);
      expect(value['note'] === null || (typeof value['note'] === 'string' && value['note'].length <= 20)).toBe(true);
    }
  });

  it('refuses a schema keyword a grammar cannot enforce with invalid_request', async () => {
    const unsupported = { type: 'object', properties: { age: { type: 'integer', minimum: 0 } } };
    await expect(model.generate(question, { jsonSchema: unsupported })).rejects.toMatchObject({
      code: 'invalid_request',
    });
  });
});
