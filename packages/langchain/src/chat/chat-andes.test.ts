import type { BindToolsInput } from '@langchain/core/language_models/chat_models';
import {
  HumanMessage,
  type AIMessageChunk,
  type BaseMessage,
  type ToolCall,
  type ToolMessage,
  type UsageMetadata,
} from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LlamaChatModel, loadLlamaBackend } from '@andes-rag/inference';
import { ensureTestModels } from '@andes-rag/testing';
import { ChatAndes } from './chat-andes.js';

/** The message's token counts (LangChain's message types infer the field as never under exactOptionalPropertyTypes). */
const usage = (message: BaseMessage | undefined) =>
  (message as { usage_metadata?: UsageMetadata } | undefined)?.usage_metadata;

// ChatAndes over the real tiny Llama 3 chat GGUF. Its weights are random: it never chooses a tool by itself, so
// tool calls are forced with tool_choice, which constrains the call with a grammar.
describe('ChatAndes', () => {
  let llama: Awaited<ReturnType<typeof loadLlamaBackend>>;
  let chatModel: LlamaChatModel;
  let model: ChatAndes;
  let toolModel: ChatAndes;

  beforeAll(async () => {
    const { chatModelPath } = await ensureTestModels();
    llama = await loadLlamaBackend({ gpu: 'cpu' });
    chatModel = await LlamaChatModel.load({ llama, modelPath: chatModelPath, threads: 1, sequences: 2 });
    model = new ChatAndes({ chatModel, maxTokens: 16 });
    toolModel = new ChatAndes({ chatModel, maxTokens: 80 });
  }, 60_000);

  afterAll(async () => {
    await chatModel?.dispose();
    await llama?.dispose();
  });

  /** A tool run on a model's tool call, answering with its ToolMessage (`tool()`'s own type is a union TypeScript cannot call). */
  type RunnableTool = { invoke(call: ToolCall): Promise<ToolMessage> } & BindToolsInput;

  const weatherParameters = {
    type: 'object' as const,
    properties: { city: { type: 'string', maxLength: 6 }, unit: { enum: ['c', 'f'] } },
    required: ['city', 'unit'],
    additionalProperties: false,
  };
  const question = [new HumanMessage('What is the weather in Paris?')];

  test('invoke answers with usage; stream yields the same greedy text in several chunks', async () => {
    const whole = await model.invoke(question);
    expect(whole.text.length).toBeGreaterThan(0);
    expect(usage(whole)?.output_tokens).toBe(16);
    expect(whole.response_metadata['finish_reason']).toBe('length');
    const chunks: AIMessageChunk[] = [];
    for await (const chunk of await model.stream(question)) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(whole.text);
    expect(usage(chunks.at(-1))).toEqual(usage(whole));
  });

  test('stop ends the answer before the stop string', async () => {
    const free = (await model.invoke(question)).text;
    const stop = free.slice(6, 9);
    const stopped = await model.invoke(question, { stop: [stop] });
    expect(stopped.text).toBe(free.slice(0, free.indexOf(stop)));
    expect(stopped.response_metadata['finish_reason']).toBe('stop');
  });

  test('bindTools: a forced call returns tool_calls, the tool runs, and its ToolMessage continues the chat', async () => {
    const weather: RunnableTool = tool(async (input: { city: string }) => `It is 21 degrees in ${input.city}.`, {
      name: 'get_weather',
      description: 'Weather in a city',
      schema: weatherParameters,
    });
    const called = await toolModel.bindTools([weather], { tool_choice: 'get_weather' }).invoke(question);
    expect(called.tool_calls?.map((call) => call.name)).toEqual(['get_weather']);
    const args = called.tool_calls?.[0]?.args as { city: string; unit: string };
    expect(typeof args.city).toBe('string');
    expect(['c', 'f']).toContain(args.unit);
    expect(called.response_metadata['finish_reason']).toBe('tool_calls');

    const toolMessage = await weather.invoke(called.tool_calls![0]!);
    const answer = await toolModel
      .bindTools([weather], { tool_choice: 'none' })
      .invoke([...question, called, toolMessage]);
    expect(answer.tool_calls).toEqual([]);
    // The call and its result are in the prompt (Llama 3's template renders them): more tokens than the question.
    const plain = await model.invoke(question);
    expect(usage(answer)?.input_tokens).toBeGreaterThan((usage(plain)?.input_tokens ?? 0) + 10);

    let streamed: AIMessageChunk | undefined;
    for await (const chunk of await toolModel.bindTools([weather], { tool_choice: 'any' }).stream(question)) {
      streamed = streamed === undefined ? chunk : streamed.concat(chunk);
    }
    expect(streamed?.text).toBe('');
    expect(streamed?.tool_calls?.map((call) => call.name)).toEqual(['get_weather']);
  }, 60_000);

  test('withStructuredOutput returns an object that matches the JSON schema, and the raw message when asked', async () => {
    const schema = {
      title: 'weather',
      type: 'object',
      properties: {
        answer: { enum: ['yes', 'no'] },
        sure: { type: 'boolean' },
      },
      required: ['answer', 'sure'],
      additionalProperties: false,
    };
    const structured = await toolModel.withStructuredOutput<{ answer: string; sure: boolean }>(schema).invoke(question);
    expect(Object.keys(structured).sort()).toEqual(['answer', 'sure']);
    expect(['yes', 'no']).toContain(structured.answer);
    expect(typeof structured.sure).toBe('boolean');
    const withRaw = await toolModel.withStructuredOutput(schema, { includeRaw: true }).invoke(question);
    expect((withRaw.raw as AIMessageChunk).tool_calls?.[0]?.args).toEqual(withRaw.parsed);
  }, 60_000);
});
