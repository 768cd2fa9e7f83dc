import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestModels } from '@andes-rag/testing';
import type { ToolDefinition } from '@andes-rag/core';
import type { Llama } from 'node-llama-cpp';
import { loadLlamaBackend } from '../backend/load-llama-backend.js';
import { LlamaChatModel } from '../chat/llama-chat-model.js';

let llama: Llama;
let model: LlamaChatModel;

beforeAll(async () => {
  const { chatModelPath } = await ensureTestModels();
  llama = await loadLlamaBackend({ gpu: 'cpu' });
  model = await LlamaChatModel.load({ llama, modelPath: chatModelPath, threads: 1, sequences: 1 });
});

afterAll(async () => {
  await model?.dispose();
  await llama?.dispose();
});

const weather: ToolDefinition = {
  name: 'get_weather',
  description: 'The weather in a city',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string', maxLength: 12 }, unit: { enum: ['c', 'f'] } },
    required: ['city', 'unit'],
    additionalProperties: false,
  },
};
const time: ToolDefinition = { name: 'get_time', parameters: { type: 'object', properties: {} } };
const question = [{ role: 'user' as const, content: 'What is the weather in Paris?' }];

// The tiny model has random weights: it never chooses a tool by itself, so these force the call's grammar.
describe('tool calls on the tiny Llama 3 test model', () => {
  it('a named tool choice returns that call with arguments matching its schema, and streams no text', async () => {
    const chunks: string[] = [];
    const generation = await model.generate(question, {
      tools: [weather, time],
      toolChoice: { name: 'get_weather' },
      maxTokens: 60,
      onTextChunk: (chunk) => chunks.push(chunk),
    });
    expect(generation.finishReason).toBe('tool_calls');
    expect(generation.text).toBe('');
    expect(chunks).toEqual([]);
    const [call, ...others] = generation.toolCalls ?? [];
    expect(others).toEqual([]);
    expect(call?.name).toBe('get_weather');
    expect(call?.id).toMatch(/^call_[0-9a-f]{24}$/);
    const parsed = JSON.parse(call?.arguments ?? 'null') as { city: string; unit: string };
    expect(Object.keys(parsed).sort()).toEqual(['city', 'unit']);
    expect(typeof parsed.city).toBe('string');
    expect(['c', 'f']).toContain(parsed.unit);
  });

  it('a forced call cut short by maxTokens is a length answer without a tool call', async () => {
    const generation = await model.generate(question, { tools: [weather], toolChoice: 'required', maxTokens: 3 });
    expect(generation.finishReason).toBe('length');
    expect(generation.toolCalls).toBeUndefined();
    expect(generation.text.startsWith('{')).toBe(true);
  });

  it('a history with a call and its result continues as plain text', async () => {
    const generation = await model.generate(
      [
        ...question,
        {
          role: 'assistant',
          content: '',
          toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris","unit":"c"}', result: '21' }],
        },
      ],
      { tools: [weather], toolChoice: 'auto', maxTokens: 8 },
    );
    expect(generation.toolCalls).toBeUndefined();
    expect(['stop', 'length']).toContain(generation.finishReason);
    expect(generation.completionTokens).toBeGreaterThan(0);
  });

  it('refuses a named choice that is not among the tools, and tools with a JSON answer schema', async () => {
    await expect(
      model.generate(question, { tools: [time], toolChoice: { name: 'get_weather' } }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(
      model.generate(question, { tools: [time], jsonSchema: { type: 'object', properties: {} } }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
  });
});
