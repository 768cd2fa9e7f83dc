import OpenAI from 'openai';
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
});
