import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AndesError } from '@andes-rag/core';
import { startTestServer, type TestServer } from '../../testing/start-test-server.js';
import type { OpenAiErrorBody } from './openai-error.js';

/** Asserts an OpenAI-shaped error: status, JSON, `{error: {message, type, param, code}}`. Returns the error. */
async function expectOpenAiError(response: Response, status: number, code: string): Promise<OpenAiErrorBody['error']> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as OpenAiErrorBody;
  expect({ status: response.status, code: body.error.code }).toEqual({ status, code });
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error;
}

/** The JSON of each `data:` line of an OpenAI stream, `[DONE]` kept as a string. */
function dataEvents(text: string): unknown[] {
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice('data: '.length))
    .map((data) => (data === '[DONE]' ? data : (JSON.parse(data) as unknown)));
}

describe('OpenAI-compatible routes under /v1', () => {
  let server: TestServer;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal) =>
    fetch(`${server.url}/v1${path}`, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', ...headers },
      ...(signal === undefined ? {} : { signal }),
    });
  const user = (content: string) => [{ role: 'user', content }];

  beforeEach(async () => {
    server = await startTestServer({ jsonBodyLimitBytes: 4096 });
  });
  afterEach(async () => {
    await server.close();
  });

  it('lists the served models in OpenAI’s shape', async () => {
    const response = await fetch(`${server.url}/v1/models`);
    const body = (await response.json()) as {
      object: string;
      data: Array<{ id: string; object: string; owned_by: string; andes_kind: string }>;
    };
    expect(body.object).toBe('list');
    expect(body.data.map((model) => [model.id, model.andes_kind])).toEqual([
      ['fake-chat', 'chat'],
      ['fake-embedding', 'embedding'],
      ['andes:default', 'collection'],
    ]);
    expect(body.data[0]).toMatchObject({ object: 'model', owned_by: 'andes', created: expect.any(Number) });
    expect(await (await fetch(`${server.url}/v1/models/andes:default`)).json()).toMatchObject({ id: 'andes:default' });
    await expectOpenAiError(await fetch(`${server.url}/v1/models/nope`), 404, 'model_not_found');
  });

  it('answers a chat completion with usage, passing OpenAI’s settings to the service', async () => {
    const response = await post('/chat/completions', {
      model: 'fake-chat',
      messages: [
        { role: 'developer', content: 'Be brief.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'How do ' },
            { type: 'text', text: 'laptops ship?' },
          ],
        },
      ],
      max_completion_tokens: 20,
      temperature: 0.5,
      top_p: 0.9,
      seed: 7,
      stop: 'END',
      frequency_penalty: 0.5,
      response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: { type: 'object' } } },
      user: 'ignored',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      id: expect.stringMatching(/^chatcmpl-/),
      object: 'chat.completion',
      model: 'fake-chat',
      choices: [
        { index: 0, message: { role: 'assistant', content: 'Laptops ship on day one [1].' }, finish_reason: 'stop' },
      ],
      usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 },
    });
    expect(JSON.stringify(body)).not.toContain('andes_citations');
    expect(server.service.chatCalls[0]).toMatchObject({
      model: 'fake-chat',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'How do laptops ship?' },
      ],
      generation: {
        maxTokens: 20,
        temperature: 0.5,
        topP: 0.9,
        seed: 7,
        stopSequences: ['END'],
        repeatPenalty: { frequencyPenalty: 0.5 },
        jsonSchema: { type: 'object' },
      },
    });
  });

  it('puts the citations of a collection model on the message', async () => {
    const response = await post('/chat/completions', {
      model: 'andes:default',
      messages: user('How do laptops ship?'),
    });
    const body = (await response.json()) as {
      choices: Array<{ message: { andes_citations: Array<{ n: number; chunkId: string }> } }>;
    };
    expect(body.choices[0]?.message.andes_citations).toEqual([expect.objectContaining({ n: 1, chunkId: 'chunk-0' })]);
  });

  it('passes tools and tool_choice to the service, with tool results folded into the call they answer', async () => {
    const call = { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } };
    const response = await post('/chat/completions', {
      model: 'fake-chat',
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        { role: 'assistant', content: null, tool_calls: [call] },
        { role: 'tool', tool_call_id: 'call_1', content: [{ type: 'text', text: '21 C' }] },
      ],
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } }],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    });
    expect(response.status).toBe(200);
    expect(server.service.chatCalls[0]).toMatchObject({
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        {
          role: 'assistant',
          content: '',
          toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}', result: '21 C' }],
        },
      ],
      generation: {
        tools: [{ name: 'get_weather', parameters: { type: 'object', properties: {} } }],
        toolChoice: { name: 'get_weather' },
      },
    });
  });

  it('sends a collection model’s citations in X-Andes-Citations, and as a Sources block when asked', async () => {
    const plain = await post('/chat/completions', { model: 'andes:default', messages: user('How do laptops ship?') });
    const header = plain.headers.get('x-andes-citations') ?? '';
    const entries = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as Array<Record<string, unknown>>;
    expect(entries).toEqual([expect.objectContaining({ n: 1, chunkId: 'chunk-0' })]);
    expect(entries[0]).not.toHaveProperty('text');
    const plainBody = (await plain.json()) as { choices: Array<{ message: { content: string } }> };
    expect(plainBody.choices[0]?.message.content).not.toContain('Sources:');
    const withSources = await post('/chat/completions', {
      model: 'andes:default',
      messages: user('How do laptops ship?'),
      andes_sources_in_content: true,
    });
    const body = (await withSources.json()) as { choices: Array<{ message: { content: string } }> };
    expect(body.choices[0]?.message.content).toBe(
      `${plainBody.choices[0]?.message.content}\n\nSources:\n[1] ${entries[0]?.['source']}${entries[0]?.['title'] === entries[0]?.['source'] ? '' : ` — ${entries[0]?.['title']}`}`,
    );
    const chat = await post('/chat/completions', { model: 'fake-chat', messages: user('hi') });
    expect(chat.headers.has('x-andes-citations')).toBe(false);
  });

  it('streams chunks: role, text, the finish with citations, usage when asked, then [DONE]', async () => {
    const response = await post('/chat/completions', {
      model: 'andes:default',
      messages: user('How do laptops ship?'),
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events = dataEvents(await response.text());
    const chunks = events.slice(0, -1) as Array<{
      object: string;
      id: string;
      choices: Array<{ delta: Record<string, unknown>; finish_reason: string | null }>;
      usage?: unknown;
    }>;
    expect(events.at(-1)).toBe('[DONE]');
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta)).toEqual([
      { role: 'assistant', content: '' },
      { content: 'Laptops ' },
      { content: 'ship ' },
      { content: 'on day one [1].' },
      { andes_citations: [expect.objectContaining({ n: 1 })] },
      undefined,
    ]);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 },
    });
  });

  it('aborts the generation when a streaming client disconnects', async () => {
    const controller = new AbortController();
    const response = await post(
      '/chat/completions',
      { model: 'fake-chat', messages: user('hang'), stream: true },
      {},
      controller.signal,
    );
    await response.body!.getReader().read();
    controller.abort();
    const reason = await server.service.askAborted;
    expect(AndesError.isInstance(reason) && reason.code).toBe('aborted');
  });

  it('answers an unknown model with 404 model_not_found, naming the param', async () => {
    const error = await expectOpenAiError(
      await post('/chat/completions', { model: 'gpt-4o', messages: user('hi') }),
      404,
      'model_not_found',
    );
    expect(error).toMatchObject({ type: 'invalid_request_error', param: 'model' });
    await expectOpenAiError(
      await post('/chat/completions', { model: 'andes:nope', messages: user('hi') }),
      404,
      'model_not_found',
    );
  });

  it.each([
    ['no messages', { model: 'fake-chat', messages: [] }, 'messages'],
    [
      'a tool message that answers no call',
      { model: 'fake-chat', messages: [{ role: 'tool', content: 'x', tool_call_id: 'call_1' }] },
      'messages[0].tool_call_id',
    ],
    ['logprobs', { model: 'fake-chat', messages: [{ role: 'user', content: 'x' }], logprobs: true }, 'logprobs'],
    [
      'top_logprobs',
      { model: 'fake-chat', messages: [{ role: 'user', content: 'x' }], top_logprobs: 2 },
      'top_logprobs',
    ],
    ['n above 1', { model: 'fake-chat', messages: [{ role: 'user', content: 'x' }], n: 2 }, 'n'],
    [
      'tools',
      { model: 'fake-chat', messages: [{ role: 'user', content: 'x' }], tools: [{ type: 'function' }] },
      'tools[0].function',
    ],
    [
      'a temperature out of range',
      { model: 'fake-chat', messages: [{ role: 'user', content: 'x' }], temperature: 3 },
      'temperature',
    ],
    ['empty messages', { model: 'fake-chat', messages: [{ role: 'user', content: ' ' }] }, 'messages'],
  ])('rejects %s with 400 invalid_request and the param', async (_case, body, param) => {
    const error = await expectOpenAiError(await post('/chat/completions', body), 400, 'invalid_request');
    expect(error).toMatchObject({ type: 'invalid_request_error', param });
    expect(server.service.chatCalls).toHaveLength(0);
  });

  it('answers malformed JSON and unknown paths in OpenAI’s shape', async () => {
    await expectOpenAiError(await post('/chat/completions', '{"model": '), 400, 'invalid_request');
    await expectOpenAiError(await post('/chat/completion', { model: 'fake-chat' }), 404, 'not_found');
  });

  it('answers queue_full with 429, Retry-After and a rate_limit_error', async () => {
    server.service.nextError = new AndesError('queue_full', 'Too many generations are waiting.');
    const response = await post('/chat/completions', { model: 'fake-chat', messages: user('hi'), stream: true });
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await expectOpenAiError(response, 429, 'queue_full')).toMatchObject({ type: 'rate_limit_error' });
  });

  it('answers not_ready with 503 and Retry-After, and hides internal errors', async () => {
    server.service.nextError = new AndesError('not_ready', 'Andes is still loading its models and store.');
    const response = await fetch(`${server.url}/v1/models`);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await expectOpenAiError(response, 503, 'not_ready')).toMatchObject({ type: 'server_error' });
    server.service.nextError = new Error('disk exploded at /secret/path');
    const hidden = await expectOpenAiError(await fetch(`${server.url}/v1/models`), 500, 'internal_error');
    expect(hidden.message).not.toContain('/secret');
  });

  it('embeds as float arrays or as base64 float32', async () => {
    const floats = (await (
      await post('/embeddings', { model: 'fake-embedding', input: ['abc', 'de'], encoding_format: 'float' })
    ).json()) as {
      data: Array<{ index: number; embedding: number[] }>;
      usage: { prompt_tokens: number };
    };
    expect(floats.data).toEqual([
      { object: 'embedding', index: 0, embedding: [3, 1, 0, -1] },
      { object: 'embedding', index: 1, embedding: [2, 1, 0, -1] },
    ]);
    expect(floats.usage).toEqual({ prompt_tokens: 2, total_tokens: 2 });
    const encoded = (await (
      await post('/embeddings', { model: 'fake-embedding', input: 'abc', encoding_format: 'base64' })
    ).json()) as {
      data: Array<{ embedding: string }>;
    };
    const bytes = Buffer.from(encoded.data[0]?.embedding ?? '', 'base64');
    expect(Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4))).toEqual([3, 1, 0, -1]);
  });

  it('refuses token arrays, other dimensions and unknown embedding models', async () => {
    await expectOpenAiError(
      await post('/embeddings', { model: 'fake-embedding', input: [1, 2, 3] }),
      400,
      'invalid_request',
    );
    await expectOpenAiError(
      await post('/embeddings', { model: 'fake-embedding', input: 'x', dimensions: 2 }),
      400,
      'invalid_request',
    );
    await expectOpenAiError(await post('/embeddings', { model: 'fake-chat', input: 'x' }), 404, 'model_not_found');
  });
});
