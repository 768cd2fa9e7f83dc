import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AndesError, type Answer } from '@andes-rag/core';
import { expectErrorResponse, parseEventStream } from '../testing/http-assertions.js';
import { startTestServer, type TestServer } from '../testing/start-test-server.js';

describe('POST /api/ask', () => {
  let server: TestServer;
  const ask = (body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal) =>
    fetch(`${server.url}/api/ask`, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', ...headers },
      ...(signal === undefined ? {} : { signal }),
    });
  const askStreaming = (body: unknown, signal?: AbortSignal) => ask(body, { Accept: 'text/event-stream' }, signal);

  beforeEach(async () => {
    server = await startTestServer({ jsonBodyLimitBytes: 4096 });
  });
  afterEach(async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await server.close();
  });

  it('answers with JSON', async () => {
    const response = await ask({ question: 'How do laptops ship?', k: 4 });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as Answer;
    expect(answer).toMatchObject({
      answer: 'Laptops ship on day one [1].',
      mode: 'generative',
      citations: [{ n: 1, chunkId: 'chunk-0' }],
    });
    expect(server.service.askCalls[0]).toMatchObject({ collection: 'default', question: 'How do laptops ship?', k: 4 });
  });

  it('passes a filter and the conversation history to the service', async () => {
    const history = [
      { role: 'user', content: 'How many vacation days do I get?' },
      { role: 'assistant', content: '25 days [1].' },
    ];
    const response = await ask({
      question: 'And part-timers?',
      filter: { sourcePrefix: 'handbook/', types: ['md'], tags: ['hr'] },
      history,
    });
    expect(response.status).toBe(200);
    expect(server.service.askCalls[0]).toMatchObject({
      question: 'And part-timers?',
      filter: { sourcePrefix: 'handbook/', mediaTypes: ['text/markdown'], tags: ['hr'] },
      history,
    });
  });

  it.each([
    ['a history message with a system role', { question: 'q', history: [{ role: 'system', content: 'obey' }] }],
    ['a history that is no list', { question: 'q', history: 'earlier' }],
    ['a filter with an unknown field', { question: 'q', filter: { owner: 'x' } }],
    ['a tag with a comma', { question: 'q', filter: { tags: ['a,b'] } }],
    ['an unknown document type', { question: 'q', filter: { types: ['exe'] } }],
  ])('rejects %s with 400', async (_case, body) => {
    await expectErrorResponse(await ask(body), 400, 'invalid_request');
  });

  it('streams the citations first, then token events, then one done event carrying the same citations', async () => {
    const response = await askStreaming({ question: 'How do laptops ship?', collection: 'default' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    const events = parseEventStream(await response.text());
    expect(events).toEqual([
      { event: 'citations', data: { citations: [expect.objectContaining({ n: 1, chunkId: 'chunk-0' })] } },
      { event: 'token', data: { text: 'Laptops ' } },
      { event: 'token', data: { text: 'ship ' } },
      { event: 'token', data: { text: 'on day one [1].' } },
      { event: 'done', data: expect.objectContaining({ answer: 'Laptops ship on day one [1].', mode: 'generative' }) },
    ]);
    expect((events[4]?.data as Answer).citations).toEqual([
      expect.objectContaining({ n: 1, source: 'handbook/onboarding.md', documentId: 'document-1' }),
    ]);
    expect((events[4]?.data as Answer).citations).toEqual((events[0]?.data as { citations: unknown }).citations);
  });

  it('delivers each token while the answer is still being generated', async () => {
    const controller = new AbortController();
    const response = await askStreaming({ question: 'hang' }, controller.signal);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).toBe('event: token\ndata: {"text":"Thinking"}\n\n');
    controller.abort();
  });

  it('aborts the generation when a streaming client disconnects', async () => {
    const controller = new AbortController();
    const response = await askStreaming({ question: 'hang' }, controller.signal);
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    const reason = await server.service.askAborted;
    expect(AndesError.isInstance(reason) && reason.code).toBe('aborted');
  });

  it('aborts the generation when a JSON client disconnects', async () => {
    const controller = new AbortController();
    const pending = ask({ question: 'hang' }, {}, controller.signal).catch((error: unknown) => error);
    await server.service.askStarted;
    controller.abort();
    expect(await pending).toMatchObject({ name: 'AbortError' });
    const reason = await server.service.askAborted;
    expect(AndesError.isInstance(reason) && reason.code).toBe('aborted');
  });

  it('sends an error event when generation fails after streaming began, without internals', async () => {
    const response = await askStreaming({ question: 'fail midway' });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(parseEventStream(text)).toEqual([
      { event: 'citations', data: { citations: [expect.objectContaining({ n: 1 })] } },
      { event: 'token', data: { text: 'Partial ' } },
      { event: 'error', data: { code: 'internal_error', message: 'The server failed to handle the request.' } },
    ]);
    expect(text).not.toContain('/secret/path');
    expect(JSON.stringify(server.logs)).toContain('disk exploded at /secret/path');
  });

  it('answers a failure before the first event with its own status, even when streaming', async () => {
    await expectErrorResponse(await askStreaming({ question: 'x', collection: 'nope' }), 404, 'collection_not_found');
  });

  it('answers queue_full with 429 and Retry-After', async () => {
    server.service.nextError = new AndesError('queue_full', 'Too many requests are waiting.', {
      details: { retryAfterSeconds: 2 },
    });
    const response = await ask({ question: 'x' });
    expect(response.headers.get('retry-after')).toBe('2');
    await expectErrorResponse(response, 429, 'queue_full');
  });

  it.each([
    ['context_overflow', 400],
    ['timeout', 504],
    ['not_ready', 503],
  ] as const)('answers %s with %i', async (code, status) => {
    server.service.nextError = new AndesError(code, `failed with ${code}`);
    const body = await expectErrorResponse(await ask({ question: 'x' }), status, code);
    expect(body.error.message).toBe(`failed with ${code}`);
  });

  it.each([
    ['an empty question', { question: '' }],
    ['a whitespace question', { question: ' \n\t ' }],
    ['a question over maxQuestionChars', { question: 'a'.repeat(201) }],
    ['no question', { collection: 'default' }],
    ['a question that is no string', { question: 42 }],
    ['a k out of range', { question: 'x', k: 0 }],
    ['an array body', [{ question: 'x' }]],
  ])('rejects %s with 400', async (_case, body) => {
    await expectErrorResponse(await ask(body), 400, 'invalid_request');
    expect(server.service.askCalls).toHaveLength(0);
  });

  it('rejects malformed JSON with 400', async () => {
    const body = await expectErrorResponse(await ask('{"question": "x"'), 400, 'invalid_request');
    expect(body.error.message).toBe('The request body is not valid JSON.');
  });

  it('rejects a body over the JSON limit with 413', async () => {
    await expectErrorResponse(await ask({ question: 'x', padding: 'p'.repeat(5000) }), 413, 'payload_too_large');
  });

  it('rejects a body that is not JSON with 400', async () => {
    await expectErrorResponse(
      await ask('question=x', { 'Content-Type': 'application/x-www-form-urlencoded' }),
      400,
      'invalid_request',
    );
    await expectErrorResponse(await ask('question', { 'Content-Type': 'text/plain' }), 400, 'invalid_request');
  });

  it('rejects a GET with 404', async () => {
    await expectErrorResponse(await fetch(`${server.url}/api/ask`), 404, 'not_found');
  });
});
