import OpenAI from 'openai';
import { ChatOpenAI } from '@langchain/openai';
import { tool } from '@langchain/core/tools';
import { HumanMessage, type AIMessage, type ToolCall, type ToolMessage } from '@langchain/core/messages';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { readGgufFile } from '@andes-rag/gguf';
import { ensureTestModels, makeTestLoraAdapter } from '@andes-rag/testing';
import { samplesDirectory, temporaryDirectory } from '../support/repository.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { folderFormData } from '../support/upload.js';

interface AndesCitation {
  n: number;
  source: string;
  chunkId: string;
  text: string;
}

/** A tool run on a model's tool call, answering with its ToolMessage (`tool()`'s own type is a union TypeScript cannot call). */
type RunnableTool = { invoke(call: ToolCall): Promise<ToolMessage> } & Parameters<ChatOpenAI['bindTools']>[0][number];

const weatherParameters = {
  type: 'object' as const,
  properties: { city: { type: 'string', maxLength: 6 }, unit: { enum: ['c', 'f'] } },
  required: ['city', 'unit'],
  additionalProperties: false,
};
const tools: OpenAI.ChatCompletionTool[] = [
  {
    type: 'function',
    function: { name: 'get_weather', description: 'Weather in a city', parameters: weatherParameters },
  },
  { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
];
const weatherQuestion = { role: 'user' as const, content: 'What is the weather in Paris?' };

// The official `openai` package, unchanged, against a real `andes serve` with the tiny Llama 3 GGUFs.
describe('OpenAI-compatible API, driven by the openai package', () => {
  let dataDirectory: Awaited<ReturnType<typeof temporaryDirectory>>;
  let server: ServerProcess;
  let client: OpenAI;
  let chatModel: string;
  let embeddingModel: string;
  let embeddingDimensions: number;
  let uploadedNames: string[];
  const question = 'How many days do I have to submit receipts for my expenses?';

  beforeAll(async () => {
    const models = await ensureTestModels();
    const embeddingFile = await readGgufFile(models.embeddingModelPath);
    embeddingDimensions = Number(embeddingFile.metadata['llama.embedding_length']?.value);
    dataDirectory = await temporaryDirectory();
    const adapterPath = join(dataDirectory.path, 'pirate-adapter.gguf');
    await makeTestLoraAdapter(adapterPath, { baseModelPath: models.chatModelPath, seed: 3 });
    server = await startServerProcess(
      [
        '--data-dir',
        dataDirectory.path,
        '--model',
        models.chatModelPath,
        '--embedding-model',
        models.embeddingModelPath,
      ],
      { ANDES_MAX_TOKENS: '48', ANDES_LORA_ADAPTERS: JSON.stringify({ pirate: { path: adapterPath, scale: 4 } }) },
    );
    const { form, names } = await folderFormData(samplesDirectory);
    uploadedNames = names;
    expect(
      (await fetch(`${server.url}/api/collections/handbook/documents`, { method: 'POST', body: form })).status,
    ).toBe(201);
    const readiness = (await (await fetch(`${server.url}/readyz`)).json()) as {
      chatModel: string;
      embeddingModel: string;
    };
    chatModel = readiness.chatModel;
    embeddingModel = readiness.embeddingModel;
    client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'not-checked', maxRetries: 0 });
  });

  afterAll(async () => {
    await server?.stop();
    await dataDirectory?.remove();
  });

  test('models.list names the chat model, its LoRA adapter model, the embedding model and andes:<collection>', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual([chatModel, `${chatModel}+pirate`, embeddingModel, 'andes:handbook']);
    expect((await client.models.retrieve('andes:handbook')).id).toBe('andes:handbook');
  });

  test('a chat completion counts its tokens, and max_tokens ends it with finish_reason length', async () => {
    const completion = await client.chat.completions.create({
      model: chatModel,
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Say hello.' },
      ],
      max_tokens: 12,
    });
    expect(completion.object).toBe('chat.completion');
    const choice = completion.choices[0];
    expect(choice?.message.role).toBe('assistant');
    expect(choice?.message.content?.length).toBeGreaterThan(0);
    expect(completion.usage?.completion_tokens).toBeLessThanOrEqual(12);
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(5);
    expect(completion.usage?.total_tokens).toBe(
      (completion.usage?.prompt_tokens ?? 0) + (completion.usage?.completion_tokens ?? 0),
    );
    if (completion.usage?.completion_tokens === 12) expect(choice?.finish_reason).toBe('length');
  });

  test('streaming yields the same greedy text as the whole completion, then usage when asked', async () => {
    const request = {
      model: chatModel,
      messages: [{ role: 'user' as const, content: 'Count to five.' }],
      max_completion_tokens: 16,
    };
    const whole = await client.chat.completions.create(request);
    const stream = await client.chat.completions.create({
      ...request,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let finishReason: string | null = null;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe(whole.choices[0]?.message.content);
    expect(finishReason).toBe(whole.choices[0]?.finish_reason);
    expect(usage).toEqual(whole.usage);
  });

  test('the model <chat model>+<adapter> answers through the configured LoRA adapter, unlike the base model', async () => {
    const greedy = {
      messages: [{ role: 'user' as const, content: 'Where is Aconcagua?' }],
      max_tokens: 12,
      temperature: 0,
      seed: 7,
    };
    const base = await client.chat.completions.create({ ...greedy, model: chatModel });
    const adapted = await client.chat.completions.create({ ...greedy, model: `${chatModel}+pirate` });
    expect(adapted.model).toBe(`${chatModel}+pirate`);
    expect(adapted.choices[0]?.message.content).not.toBe(base.choices[0]?.message.content);
    const again = await client.chat.completions.create({ ...greedy, model: chatModel });
    expect(again.choices[0]?.message.content).toBe(base.choices[0]?.message.content);
  });

  test('a seed makes sampled output repeat', async () => {
    const request = {
      model: chatModel,
      messages: [{ role: 'user' as const, content: 'Invent a word.' }],
      max_tokens: 12,
      temperature: 1,
      seed: 42,
    };
    const first = await client.chat.completions.create(request);
    const second = await client.chat.completions.create(request);
    expect(second.choices[0]?.message.content).toBe(first.choices[0]?.message.content);
  });

  test('stop ends the answer before the stop string, with finish_reason stop', async () => {
    const messages = [{ role: 'user' as const, content: 'Name three mountains.' }];
    const free = await client.chat.completions.create({ model: chatModel, messages, max_tokens: 24 });
    const text = free.choices[0]?.message.content ?? '';
    const stop = text.slice(10, 13);
    const stopped = await client.chat.completions.create({
      model: chatModel,
      messages,
      max_tokens: 24,
      stop: ['never appears: ∅∅∅', stop],
    });
    expect(stopped.choices[0]?.finish_reason).toBe('stop');
    expect(stopped.choices[0]?.message.content).toBe(text.slice(0, text.indexOf(stop)));
  });

  test('response_format json_schema makes even a random-weight model answer JSON that matches the schema', async () => {
    const schema = {
      type: 'object',
      properties: {
        answer: { enum: ['yes', 'no'] },
        peaks: { type: 'array', items: { type: 'string', maxLength: 12 }, maxItems: 3 },
      },
      required: ['answer', 'peaks'],
    };
    const completion = await client.chat.completions.create({
      model: chatModel,
      messages: [{ role: 'user', content: 'Are there mountains in Peru?' }],
      response_format: { type: 'json_schema', json_schema: { name: 'answer', schema } },
      temperature: 1,
      seed: 3,
      max_tokens: 400,
    });
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    const value = JSON.parse(completion.choices[0]?.message.content ?? '') as { answer: string; peaks: unknown[] };
    expect(['yes', 'no']).toContain(value.answer);
    expect(value.peaks.length).toBeLessThanOrEqual(3);
  });

  test('the model andes:<collection> answers from the collection, with citations of uploaded chunks', async () => {
    const completion = await client.chat.completions.create({
      model: 'andes:handbook',
      messages: [{ role: 'user', content: question }],
    });
    const message = completion.choices[0]?.message as OpenAI.ChatCompletionMessage & {
      andes_citations?: AndesCitation[];
    };
    expect(message.content?.length).toBeGreaterThan(0);
    expect(message.andes_citations?.length).toBeGreaterThan(0);
    for (const citation of message.andes_citations ?? []) expect(uploadedNames).toContain(citation.source);
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(100);
  });

  test('streaming from andes:<collection> ends with the citations on the last chunk’s delta', async () => {
    const stream = await client.chat.completions.create({
      model: 'andes:handbook',
      messages: [{ role: 'user', content: question }],
      stream: true,
    });
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    const last = chunks.at(-1)?.choices[0];
    expect(last?.finish_reason).not.toBeNull();
    const citations = (last?.delta as { andes_citations?: AndesCitation[] }).andes_citations ?? [];
    expect(citations.length).toBeGreaterThan(0);
    expect(uploadedNames).toContain(citations[0]?.source);
  });

  test('embeddings have the model’s dimension, as base64 (the package’s default) and as floats alike', async () => {
    const defaultEncoding = await client.embeddings.create({
      model: embeddingModel,
      input: ['expense receipts', 'VPN setup'],
    });
    const floats = await client.embeddings.create({
      model: embeddingModel,
      input: 'expense receipts',
      encoding_format: 'float',
    });
    expect(defaultEncoding.data.map((item) => item.index)).toEqual([0, 1]);
    expect(defaultEncoding.data[0]?.embedding).toHaveLength(embeddingDimensions);
    expect(floats.data[0]?.embedding).toHaveLength(embeddingDimensions);
    const [fromBase64, fromFloats] = [defaultEncoding.data[0]?.embedding ?? [], floats.data[0]?.embedding ?? []];
    expect(fromBase64.every((value, index) => Math.abs(value - (fromFloats[index] ?? Number.NaN)) < 1e-6)).toBe(true);
    expect(defaultEncoding.model).toBe(embeddingModel);
  });

  test('errors arrive in OpenAI’s shape: unknown model 404, bad body 400, embedding with a chat model 404', async () => {
    const unknown = await client.chat.completions
      .create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] })
      .catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(OpenAI.NotFoundError);
    expect(unknown).toMatchObject({
      status: 404,
      code: 'model_not_found',
      type: 'invalid_request_error',
      param: 'model',
    });

    const badBody = await client.chat.completions
      .create({ model: chatModel, messages: [{ role: 'user', content: 'hi' }], temperature: 7 })
      .catch((error: unknown) => error);
    expect(badBody).toBeInstanceOf(OpenAI.BadRequestError);
    expect(badBody).toMatchObject({ status: 400, code: 'invalid_request', param: 'temperature' });

    const wrongModel = await client.embeddings
      .create({ model: chatModel, input: 'x' })
      .catch((error: unknown) => error);
    expect(wrongModel).toMatchObject({ status: 404, code: 'model_not_found' });

    const malformed = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({
      error: { message: expect.any(String), type: 'invalid_request_error', param: null, code: 'invalid_request' },
    });
  });

  // The tiny model's weights are random: it never picks a tool by itself, so tool_choice forces the call's grammar.
  test('a tool call round trip: the forced call comes back unexecuted, its result goes in as a tool message', async () => {
    const called = await client.chat.completions.create({
      model: chatModel,
      messages: [weatherQuestion],
      tools,
      tool_choice: 'required',
      max_tokens: 60,
    });
    const choice = called.choices[0];
    expect(choice?.finish_reason).toBe('tool_calls');
    expect(choice?.message.content).toBeNull();
    const [call, ...more] = choice?.message.tool_calls ?? [];
    expect(more).toEqual([]);
    expect(call?.type).toBe('function');
    expect(call?.id).toMatch(/^call_/);
    const functionCall = (call as OpenAI.ChatCompletionMessageFunctionToolCall).function;
    expect(['get_weather', 'get_time']).toContain(functionCall.name);
    const callArguments = JSON.parse(functionCall.arguments) as Record<string, unknown>;
    if (functionCall.name === 'get_weather') expect(Object.keys(callArguments).sort()).toEqual(['city', 'unit']);
    else expect(callArguments).toEqual({});

    const answered = await client.chat.completions.create({
      model: chatModel,
      messages: [weatherQuestion, choice!.message, { role: 'tool', tool_call_id: call!.id, content: '21 degrees' }],
      tools,
      max_tokens: 8,
    });
    expect(answered.choices[0]?.message.tool_calls).toBeUndefined();
    expect(['stop', 'length']).toContain(answered.choices[0]?.finish_reason);
    expect(answered.usage?.prompt_tokens).toBeGreaterThan(called.usage?.prompt_tokens ?? 0);

    const orphan = await client.chat.completions
      .create({ model: chatModel, messages: [weatherQuestion, { role: 'tool', tool_call_id: 'call_x', content: '1' }] })
      .catch((error: unknown) => error);
    expect(orphan).toMatchObject({ status: 400, code: 'invalid_request', param: 'messages[1].tool_call_id' });
  });

  test('a named tool choice streams as a tool_calls delta with finish_reason tool_calls and no text', async () => {
    const stream = await client.chat.completions.create({
      model: chatModel,
      messages: [weatherQuestion],
      tools,
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      max_tokens: 60,
      stream: true,
    });
    let text = '';
    let name = '';
    let callArguments = '';
    let finishReason: string | null = null;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      text += choice?.delta.content ?? '';
      for (const delta of choice?.delta.tool_calls ?? []) {
        expect(delta.index).toBe(0);
        name += delta.function?.name ?? '';
        callArguments += delta.function?.arguments ?? '';
      }
      finishReason = choice?.finish_reason ?? finishReason;
    }
    expect({ text, name, finishReason }).toEqual({ text: '', name: 'get_weather', finishReason: 'tool_calls' });
    const parsed = JSON.parse(callArguments) as { city: string; unit: string };
    expect(typeof parsed.city).toBe('string');
    expect(['c', 'f']).toContain(parsed.unit);
  });

  test('LangChain ChatOpenAI runs a tool call round trip: bindTools, the tool, the ToolMessage, the answer', async () => {
    const weather: RunnableTool = tool(async (input: { city: string }) => `It is 21 degrees in ${input.city}.`, {
      name: 'get_weather',
      description: 'Weather in a city',
      schema: weatherParameters,
    });
    const model = new ChatOpenAI({
      model: chatModel,
      apiKey: 'not-checked',
      configuration: { baseURL: `${server.url}/v1` },
      maxRetries: 0,
      maxTokens: 60,
    });
    const human = new HumanMessage('What is the weather in Paris?');
    const called = (await model.bindTools([weather], { tool_choice: 'get_weather' }).invoke([human])) as AIMessage;
    expect(called.tool_calls?.map((call) => call.name)).toEqual(['get_weather']);
    const toolMessage = await weather.invoke(called.tool_calls![0]!);
    expect(toolMessage.tool_call_id).toBe(called.tool_calls![0]!.id);
    const answer = (await model.bindTools([weather]).invoke([human, called, toolMessage])) as AIMessage;
    expect(answer.tool_calls).toEqual([]);
    expect(typeof answer.content).toBe('string');
    expect(answer.response_metadata['finish_reason']).not.toBe('tool_calls');
  });

  test('logprobs are refused with a clear 400 instead of being ignored', async () => {
    const refused = await client.chat.completions
      .create({ model: chatModel, messages: [weatherQuestion], logprobs: true, top_logprobs: 2 })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
    expect(refused).toMatchObject({ status: 400, code: 'invalid_request', param: 'logprobs' });
    expect((refused as Error).message).toContain('unsupported');
  });

  test('max_tokens above ANDES_MAX_TOKENS is honoured up to the context; above the context it is a 400', async () => {
    const long = await client.chat.completions.create({
      model: chatModel,
      messages: [{ role: 'user', content: 'Write a long story.' }],
      max_tokens: 100,
      temperature: 0,
    });
    expect(long.usage?.completion_tokens).toBeGreaterThan(48);
    expect(long.usage?.completion_tokens).toBeLessThanOrEqual(100);
    const tooMany = await client.chat.completions
      .create({ model: chatModel, messages: [weatherQuestion], max_tokens: 100_000 })
      .catch((error: unknown) => error);
    expect(tooMany).toMatchObject({ status: 400, code: 'invalid_request', param: 'max_tokens' });
  });

  test('embeddings usage counts the input tokens with the model’s tokenizer', async () => {
    const one = await client.embeddings.create({ model: embeddingModel, input: 'hello world' });
    const many = await client.embeddings.create({ model: embeddingModel, input: ['hello world', 'hello world again'] });
    expect(one.usage).toEqual({ prompt_tokens: 2, total_tokens: 2 });
    expect(many.usage).toEqual({ prompt_tokens: 5, total_tokens: 5 });
  });
});
