import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureTestModels } from '@andes-rag/testing';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { samplesDirectory, temporaryDirectory } from '../support/repository.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { readServerSentEvents } from '../support/sse.js';

interface AskAnswer {
  answer: string;
  mode: string;
  citations: Array<{ source: string; chunkId: string }>;
}

interface Completion {
  choices: Array<{ message: { content: string }; finish_reason: string }>;
}

const longAnswerTokens = 600;

// Two real `andes serve --inference-only` processes with the tiny Llama 3 GGUFs, and an API server that reaches them
// through ANDES_INFERENCE_URL. What the API server generates is compared with what an inference server answers
// directly for the same messages (greedy, or the same seed): the same text.
describe('remote inference: ANDES_INFERENCE_URL against andes serve --inference-only', () => {
  let directory: Awaited<ReturnType<typeof temporaryDirectory>>;
  let inferenceServers: ServerProcess[] = [];
  let remoteApi: ServerProcess;
  let chatModel: string;

  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const chatBody = (content: string, extra: Record<string, unknown> = {}) => ({
    model: chatModel,
    messages: [{ role: 'user', content }],
    max_tokens: 24,
    ...extra,
  });
  const complete = async (url: string, body: unknown): Promise<Completion> => {
    const response = await post(`${url}/v1/chat/completions`, body);
    expect(response.status).toBe(200);
    return (await response.json()) as Completion;
  };
  const answerTokens = 24;

  beforeAll(async () => {
    const models = await ensureTestModels();
    directory = await temporaryDirectory();
    const modelArguments = ['--model', models.chatModelPath, '--embedding-model', models.embeddingModelPath];
    // One generation at a time and none waiting: a busy server refuses a second request (429), which tells which
    // server holds a stream. Debug logs record a generation cancelled by its client.
    const inferenceEnvironment = {
      ANDES_CHAT_SEQUENCES: '1',
      ANDES_CHAT_SPARE_SEQUENCES: '0',
      ANDES_MAX_QUEUED_REQUESTS: '0',
      ANDES_LOG_LEVEL: 'debug',
    };
    inferenceServers = await Promise.all(
      [1, 2].map((index) =>
        startServerProcess(
          ['--inference-only', '--data-dir', `${directory.path}/inference-${index}`, ...modelArguments],
          inferenceEnvironment,
        ),
      ),
    );
    remoteApi = await startServerProcess(['--data-dir', `${directory.path}/api`], {
      ANDES_MAX_TOKENS: String(answerTokens),
      ANDES_INFERENCE_URL: inferenceServers.map((server) => server.url).join(','),
    });
    const form = new FormData();
    for (const name of ['learning-budget.md', 'parental-leave.txt']) {
      form.append('files', new Blob([await readFile(path.join(samplesDirectory, 'benefits', name), 'utf8')]), name);
    }
    expect(
      (await fetch(`${remoteApi.url}/api/collections/handbook/documents`, { method: 'POST', body: form })).status,
    ).toBe(201);
    chatModel = ((await (await fetch(`${remoteApi.url}/readyz`)).json()) as { chatModel: string }).chatModel;
  }, 300_000);

  afterAll(async () => {
    await Promise.all([remoteApi, ...inferenceServers].map((server) => server?.stop()));
    await directory?.remove();
  });

  test('an inference-only server serves the models and the probes, and no store', async () => {
    const [server] = inferenceServers;
    const models = (await (await fetch(`${server!.url}/v1/models`)).json()) as {
      data: Array<{ id: string; andes_kind: string; max_model_len?: number }>;
    };
    expect(models.data.map((model) => [model.id, model.andes_kind])).toEqual([
      ['andes-tiny-llama3-chat.v2', 'chat'],
      ['andes-tiny-llama3-embedding.v2', 'embedding'],
    ]);
    expect(models.data[0]!.max_model_len).toBeGreaterThan(longAnswerTokens);
    expect((await fetch(`${server!.url}/healthz`)).status).toBe(200);
    expect(((await (await fetch(`${server!.url}/readyz`)).json()) as { store: boolean }).store).toBe(false);
    const collections = await fetch(`${server!.url}/api/collections`);
    expect(collections.status).toBe(404);
    expect(((await collections.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  test('the API server reports the remote models and answers from a collection with them', async () => {
    const readiness = (await (await fetch(`${remoteApi.url}/readyz`)).json()) as Record<string, unknown>;
    expect(readiness).toMatchObject({
      ready: true,
      chatModel: 'andes-tiny-llama3-chat.v2',
      embeddingModel: 'andes-tiny-llama3-embedding.v2',
    });
    const question = 'How much is the annual learning budget?';
    const asked = await post(`${remoteApi.url}/api/ask`, { collection: 'handbook', question, k: 2 });
    expect(asked.status).toBe(200);
    const answer = (await asked.json()) as AskAnswer;
    expect(answer.mode).toBe('generative');
    expect(answer.citations.map((citation) => citation.source)).toContain('learning-budget.md');

    // A conversation keeps the exact prompt the model saw: the inference server, asked directly, writes the same.
    const conversation = (await (
      await post(`${remoteApi.url}/api/conversations`, { collection: 'handbook' })
    ).json()) as { id: string };
    const turn = await post(`${remoteApi.url}/api/conversations/${conversation.id}/messages`, { content: question });
    expect(turn.status).toBe(200);
    const stored = (await (await fetch(`${remoteApi.url}/api/conversations/${conversation.id}`)).json()) as {
      messages: Array<{ role: string; content: string; prompt?: Array<{ role: string; content: string }> }>;
    };
    const reply = stored.messages.find((message) => message.role === 'assistant')!;
    const direct = await complete(inferenceServers[0]!.url, {
      model: chatModel,
      messages: reply.prompt,
      max_tokens: answerTokens,
      temperature: 0,
    });
    expect(direct.choices[0]!.message.content).toBe(reply.content);
  });

  test('streaming, seed and JSON-schema output pass through to the inference server', async () => {
    const body = chatBody('Name a colour.', { temperature: 0.9, seed: 11 });
    const whole = await complete(remoteApi.url, body);
    const again = await complete(remoteApi.url, body);
    const direct = await complete(inferenceServers[1]!.url, body);
    const otherSeed = await complete(remoteApi.url, { ...body, seed: 12 });
    expect(again.choices[0]!.message.content).toBe(whole.choices[0]!.message.content);
    expect(direct.choices[0]!.message.content).toBe(whole.choices[0]!.message.content);
    expect(otherSeed.choices[0]!.message.content).not.toBe(whole.choices[0]!.message.content);

    const streamed = await post(`${remoteApi.url}/v1/chat/completions`, { ...body, stream: true });
    expect(streamed.headers.get('content-type')).toContain('text/event-stream');
    const events = await readServerSentEvents(streamed);
    const pieces = events
      .filter((event) => event.data !== '[DONE]')
      .map((event) => (JSON.parse(event.data) as { choices: Array<{ delta: { content?: string } }> }).choices[0])
      .map((choice) => choice?.delta.content ?? '');
    expect(pieces.filter((piece) => piece !== '').length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(whole.choices[0]!.message.content);
    expect(events.at(-1)!.data).toBe('[DONE]');

    const schema = {
      type: 'object',
      properties: { colour: { type: 'string', enum: ['red', 'green', 'blue'] } },
      required: ['colour'],
      additionalProperties: false,
    };
    const structured = await complete(
      remoteApi.url,
      chatBody('Pick a colour as JSON.', {
        max_tokens: 32,
        response_format: { type: 'json_schema', json_schema: { name: 'pick', schema } },
      }),
    );
    expect(['red', 'green', 'blue']).toContain(
      (JSON.parse(structured.choices[0]!.message.content) as { colour: string }).colour,
    );
  });

  test('a client that disconnects cancels the generation on the inference server', async () => {
    const controller = new AbortController();
    const response = await fetch(`${remoteApi.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(chatBody('Tell a long story.', { max_tokens: longAnswerTokens, stream: true })),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    const cancelledOnInferenceServer = () =>
      inferenceServers.some((server) => /"code":"aborted"/.test(server.stderr()));
    await expect.poll(cancelledOnInferenceServer, { timeout: 30_000, interval: 100 }).toBe(true);
  });

  test('an inference server killed mid-stream: a clear error for that request, the next goes to the survivor', async () => {
    const response = await post(
      `${remoteApi.url}/v1/chat/completions`,
      chatBody('Tell another long story.', { max_tokens: longAnswerTokens, stream: true }),
    );
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = decoder.decode((await reader.read()).value);
    // The server holding the stream refuses a probe (one sequence, no queue); the idle one answers it.
    const probes = await Promise.all(
      inferenceServers.map(
        async (server) => (await post(`${server.url}/v1/chat/completions`, chatBody('hi', { max_tokens: 1 }))).status,
      ),
    );
    expect([...probes].sort()).toEqual([200, 429]);
    const busy = inferenceServers[probes.indexOf(429)]!;
    const survivor = inferenceServers[probes.indexOf(200)]!;
    busy.process.kill('SIGKILL');
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value);
    }
    const errorEvent = received
      .split('\n\n')
      .map((block) => block.replace(/^data: /, ''))
      .filter((data) => data.startsWith('{"error"'))
      .map((data) => JSON.parse(data) as { error: { code: string; message: string } })[0];
    expect(errorEvent?.error.code).toBe('model_error');
    // The client gets the generic 5xx message; the operator's log names the server that failed.
    expect(remoteApi.stderr()).toContain(`inference server ${busy.url} failed`);
    expect(received).not.toContain('[DONE]');

    const servedBySurvivor = () =>
      survivor.stderr().match(/"path":"\/v1\/chat\/completions".*"msg":"request completed"/g)?.length ?? 0;
    const servedBefore = servedBySurvivor();
    const next = await complete(remoteApi.url, chatBody('Name a colour.'));
    expect(next.choices[0]!.finish_reason).toMatch(/stop|length/);
    const ask = await post(`${remoteApi.url}/api/ask`, {
      collection: 'handbook',
      question: 'How much is the annual learning budget?',
      k: 2,
    });
    expect(ask.status).toBe(200);
    const answer = (await ask.json()) as AskAnswer;
    expect(answer.citations.map((citation) => citation.source)).toContain('learning-budget.md');
    // Both generations ran on the survivor (the killed server is gone).
    await expect.poll(servedBySurvivor, { timeout: 10_000 }).toBe(servedBefore + 2);
    inferenceServers = inferenceServers.filter((server) => server !== busy);
  });
});
