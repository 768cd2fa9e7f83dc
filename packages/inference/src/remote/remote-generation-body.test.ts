import { AndesError } from '@andes-rag/core';
import { describe, expect, test } from 'vitest';
import { estimateTokenCount } from './estimate-token-count.js';
import { remoteGenerationBody } from './remote-generation-body.js';

const messages = [{ role: 'user' as const, content: 'Hello' }];

describe('remoteGenerationBody', () => {
  test('is greedy with the default answer length unless told otherwise', () => {
    expect(remoteGenerationBody('tiny', messages, {}, 512)).toEqual({
      model: 'tiny',
      messages,
      max_tokens: 512,
      temperature: 0,
    });
  });

  test('sends seed, sampling, stop sequences, penalties and the JSON schema in OpenAI-compatible fields', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] };
    const body = remoteGenerationBody(
      'tiny',
      messages,
      {
        maxTokens: 9,
        temperature: 0.7,
        seed: 5,
        topK: 20,
        topP: 0.9,
        minP: 0.05,
        stopSequences: ['\n\n'],
        repeatPenalty: { penalty: 1.2, lastTokens: 32, frequencyPenalty: 0.1, presencePenalty: 0.2 },
        jsonSchema: schema,
      },
      512,
    );
    expect(body).toEqual({
      model: 'tiny',
      messages,
      max_tokens: 9,
      temperature: 0.7,
      seed: 5,
      top_k: 20,
      top_p: 0.9,
      min_p: 0.05,
      stop: ['\n\n'],
      repeat_penalty: 1.2,
      repetition_penalty: 1.2,
      repeat_last_n: 32,
      frequency_penalty: 0.1,
      presence_penalty: 0.2,
      response_format: { type: 'json_schema', json_schema: { name: 'answer', schema, strict: true } },
    });
  });

  test('turns every penalty off for repeatPenalty false', () => {
    expect(remoteGenerationBody('tiny', messages, { repeatPenalty: false }, 512)).toMatchObject({
      repeat_penalty: 1,
      repetition_penalty: 1,
      frequency_penalty: 0,
      presence_penalty: 0,
    });
  });

  test('refuses a LoRA file, which cannot travel to the server', () => {
    let failure: unknown;
    try {
      remoteGenerationBody('tiny', messages, { lora: { path: '/adapters/a.gguf' } }, 512);
    } catch (error) {
      failure = error;
    }
    expect(AndesError.isInstance(failure) && failure.code).toBe('invalid_request');
  });
});

describe('estimateTokenCount', () => {
  test('counts three ASCII characters or one other character as a token, rounding up', () => {
    expect(estimateTokenCount('')).toBe(0);
    expect(estimateTokenCount('abcdefg')).toBe(3);
    expect(estimateTokenCount('年假多少天')).toBe(5);
    expect(estimateTokenCount('ab 年假')).toBe(3);
  });
});
