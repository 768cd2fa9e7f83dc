import type OpenAIClient from 'openai';
import { OpenAI, OpenAIEmbedding } from '@llamaindex/openai';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readGgufFile } from '@andes-rag/gguf';
import { ensureTestModels } from '@andes-rag/testing';
import { samplesDirectory, temporaryDirectory } from '../support/repository.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

/** The chat parameters LlamaIndex's `OpenAI.chat` takes (its message and tool types live in `@llamaindex/core`). */
type ChatParameters = Parameters<OpenAI['chat']>[0];
type LlamaIndexTool = NonNullable<ChatParameters['tools']>[number];
type LlamaIndexMessage = ChatParameters['messages'][number];

const weatherTool: LlamaIndexTool = {
  metadata: {
    name: 'get_weather',
    description: 'Weather in a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string', maxLength: 6 }, unit: { enum: ['c', 'f'] } },
      required: ['city', 'unit'],
      additionalProperties: false,
    },
  },
};
const citedFile = 'expense-policy.md';
const weatherQuestion: LlamaIndexMessage = { role: 'user', content: 'What is the weather in Paris?' };

// LlamaIndex.TS's OpenAI provider (`@llamaindex/openai`), unchanged, against a real `andes serve` with the tiny GGUFs.
describe('OpenAI-compatible API, driven by LlamaIndex.TS', () => {
  let dataDirectory: Awaited<ReturnType<typeof temporaryDirectory>>;
  let server: ServerProcess;
  let chatModel: string;
  let embeddingModel: string;
  let embeddingDimensions: number;

  /** A LlamaIndex `OpenAI` LLM pointed at the server's `/v1`, greedy so that repeated requests agree. */
  const llm = (options: ConstructorParameters<typeof OpenAI>[0] = {}): OpenAI =>
    new OpenAI({
      model: chatModel,
      baseURL: `${server.url}/v1`,
      apiKey: 'not-checked',
      maxRetries: 0,
      temperature: 0,
      maxTokens: 12,
      ...options,
    });

  beforeAll(async () => {
    const models = await ensureTestModels();
    const embeddingFile = await readGgufFile(models.embeddingModelPath);
    embeddingDimensions = Number(embeddingFile.metadata['llama.embedding_length']?.value);
    dataDirectory = await temporaryDirectory();
    server = await startServerProcess(
      [
        '--data-dir',
        dataDirectory.path,
        '--model',
        models.chatModelPath,
        '--embedding-model',
        models.embeddingModelPath,
      ],
      { ANDES_MAX_TOKENS: '32' },
    );
    // One handbook file is enough for citations, and ingests in a fraction of the whole folder's time.
    const form = new FormData();
    form.append('files', new Blob([await readFile(join(samplesDirectory, citedFile), 'utf8')]), citedFile);
    expect(
      (await fetch(`${server.url}/api/collections/handbook/documents`, { method: 'POST', body: form })).status,
    ).toBe(201);
    const readiness = (await (await fetch(`${server.url}/readyz`)).json()) as {
      chatModel: string;
      embeddingModel: string;
    };
    chatModel = readiness.chatModel;
    embeddingModel = readiness.embeddingModel;
  });

  afterAll(async () => {
    await server?.stop();
    await dataDirectory?.remove();
  });

  test('chat returns an assistant message, with the raw completion’s usage adding up', async () => {
    const response = await llm().chat({
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Say hello.' },
      ],
    });
    const raw = response.raw as OpenAIClient.ChatCompletion;
    expect(raw.object).toBe('chat.completion');
    expect(raw.model).toBe(chatModel);
    expect(response.message.role).toBe('assistant');
    expect(response.message.content).toBe(raw.choices[0]?.message.content);
    expect(typeof response.message.content === 'string' && response.message.content.length).toBeGreaterThan(0);
    expect(response.message.options).toEqual({});
    expect(raw.usage?.completion_tokens).toBeGreaterThan(0);
    expect(raw.usage?.completion_tokens).toBeLessThanOrEqual(12);
    expect(raw.usage?.prompt_tokens).toBeGreaterThan(5);
    expect(raw.usage?.total_tokens).toBe((raw.usage?.prompt_tokens ?? 0) + (raw.usage?.completion_tokens ?? 0));
  });

  test('a streamed chat arrives in several chunks, ends with a finish reason, and spells the whole answer', async () => {
    const messages: LlamaIndexMessage[] = [{ role: 'user', content: 'Count to five.' }];
    const whole = await llm().chat({ messages });
    const chunks = [];
    for await (const chunk of await llm().chat({ messages, stream: true })) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    const last = (chunks.at(-1)?.raw as OpenAIClient.ChatCompletionChunk).choices[0];
    expect(last?.finish_reason).toBe((whole.raw as OpenAIClient.ChatCompletion).choices[0]?.finish_reason);
    expect(chunks.map((chunk) => chunk.delta).join('')).toBe(whole.message.content);
  });

  // The tiny model's weights are random: it never picks a tool by itself, so tool_choice forces the call's grammar.
  test('a forced tool call round trip: LlamaIndex’s toolCall option, then its toolResult message, then an answer', async () => {
    const model = llm({ maxTokens: 60 });
    const called = await model.chat({
      messages: [weatherQuestion],
      tools: [weatherTool],
      additionalChatOptions: { tool_choice: 'required' },
    });
    expect((called.raw as OpenAIClient.ChatCompletion).choices[0]?.finish_reason).toBe('tool_calls');
    const toolCalls = 'toolCall' in called.message.options! ? called.message.options.toolCall : [];
    expect(toolCalls.map((call) => call.name)).toEqual(['get_weather']);
    const [call] = toolCalls;
    expect(call?.id).toMatch(/^call_/);
    const callArguments = JSON.parse(call!.input as string) as Record<string, unknown>;
    expect(Object.keys(callArguments).sort()).toEqual(['city', 'unit']);
    expect(['c', 'f']).toContain(callArguments['unit']);

    const answered = await model.chat({
      messages: [
        weatherQuestion,
        { role: 'assistant', content: '', options: { toolCall: toolCalls } },
        {
          role: 'user',
          content: '21 degrees',
          options: { toolResult: { id: call!.id, result: '21 degrees', isError: false } },
        },
      ],
      tools: [weatherTool],
      additionalChatOptions: { max_completion_tokens: 8 },
    });
    const answer = (answered.raw as OpenAIClient.ChatCompletion).choices[0];
    expect(answered.message.options).toEqual({});
    expect(['stop', 'length']).toContain(answer?.finish_reason);
    expect((answered.raw as OpenAIClient.ChatCompletion).usage?.prompt_tokens).toBeGreaterThan(
      (called.raw as OpenAIClient.ChatCompletion).usage?.prompt_tokens ?? 0,
    );
  });

  test('the model andes:<collection> answers, and its citations of uploaded chunks are on the raw message', async () => {
    const response = await llm({ model: 'andes:handbook', maxTokens: undefined }).chat({
      messages: [{ role: 'user', content: 'How many days do I have to submit receipts for my expenses?' }],
    });
    const message = (response.raw as OpenAIClient.ChatCompletion).choices[0]?.message as { andes_citations?: unknown };
    const citations = (message.andes_citations ?? []) as { source: string }[];
    expect(citations.length).toBeGreaterThan(0);
    expect(new Set(citations.map((citation) => citation.source))).toEqual(new Set([citedFile]));
    expect(typeof response.message.content === 'string' && response.message.content.length).toBeGreaterThan(0);
  });

  test('OpenAIEmbedding embeds through /v1/embeddings with the embedding model’s dimension', async () => {
    const embedding = new OpenAIEmbedding({
      model: embeddingModel,
      baseURL: `${server.url}/v1`,
      apiKey: 'not-checked',
      maxRetries: 0,
    });
    const [receipts, vpn] = await embedding.getTextEmbeddings(['expense receipts', 'VPN setup']);
    expect(receipts).toHaveLength(embeddingDimensions);
    expect(vpn).toHaveLength(embeddingDimensions);
    expect(vpn).not.toEqual(receipts);
    const single = await embedding.getTextEmbedding('expense receipts');
    expect(single.every((value, index) => Math.abs(value - (receipts?.[index] ?? Number.NaN)) < 1e-6)).toBe(true);
  });

  test('an unknown model is a 404 model_not_found through LlamaIndex, for chat and embeddings alike', async () => {
    const chat = await llm({ model: 'gpt-4o' })
      .chat({ messages: [weatherQuestion] })
      .catch((error: unknown) => error);
    expect(chat).toMatchObject({ status: 404, code: 'model_not_found', param: 'model' });
    const embedding = await new OpenAIEmbedding({
      model: chatModel,
      baseURL: `${server.url}/v1`,
      apiKey: 'x',
      maxRetries: 0,
    })
      .getTextEmbedding('x')
      .catch((error: unknown) => error);
    expect(embedding).toMatchObject({ status: 404, code: 'model_not_found' });
  });
});
