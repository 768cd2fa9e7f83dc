import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureTestModels } from '@andes-rag/testing';
import { samplesDirectory, temporaryDirectory } from '../support/repository.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { readServerSentEvents } from '../support/sse.js';
import { folderFormData } from '../support/upload.js';

/** The value of one sample in Prometheus's text format, e.g. `andes_http_requests_total{method="GET",...}`. */
function sample(metrics: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = metrics
    .split('\n')
    .find((candidate) =>
      candidate.startsWith(`${name}{`) || candidate.startsWith(`${name} `)
        ? wanted.every((label) => candidate.includes(label))
        : false,
    );
  if (line === undefined) throw new Error(`no sample ${name} ${JSON.stringify(labels)} in:\n${metrics}`);
  return Number(line.slice(line.lastIndexOf(' ') + 1));
}

// `GET /metrics` on a real `andes serve` with the tiny chat model: what requests, answers and ingestion did.
describe('Prometheus metrics', () => {
  let dataDirectory: Awaited<ReturnType<typeof temporaryDirectory>>;
  let server: ServerProcess;
  let uploadedCount: number;

  beforeAll(async () => {
    const models = await ensureTestModels();
    dataDirectory = await temporaryDirectory();
    server = await startServerProcess(['--data-dir', dataDirectory.path, '--model', models.chatModelPath], {
      ANDES_MAX_TOKENS: '8',
    });
    const { form, names } = await folderFormData(samplesDirectory);
    uploadedCount = names.length;
    expect(
      (await fetch(`${server.url}/api/collections/handbook/documents`, { method: 'POST', body: form })).status,
    ).toBe(201);
  });
  afterAll(async () => {
    await server?.stop();
    await dataDirectory?.remove();
  });

  test('counts requests by route pattern, times answers and chats, and counts ingested files', async () => {
    const before = await (await fetch(`${server.url}/metrics`)).text();
    expect(sample(before, 'andes_ingested_files_total', { status: 'created' })).toBe(uploadedCount);

    const streamed = await fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ collection: 'handbook', question: 'Who approves international travel?' }),
    });
    expect((await readServerSentEvents(streamed)).at(-1)?.event).toBe('done');
    const searched = await fetch(`${server.url}/api/search?collection=handbook&q=parental+leave&k=3`);
    expect(searched.status).toBe(200);
    const models = (await (await fetch(`${server.url}/v1/models`)).json()) as { data: Array<{ id: string }> };
    const chatModel = models.data.find((model) => !model.id.startsWith('andes:'))?.id;
    const chat = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: chatModel, messages: [{ role: 'user', content: 'Say hello.' }], max_tokens: 8 }),
    });
    const completion = (await chat.json()) as { usage: { completion_tokens: number } };
    expect(chat.status).toBe(200);
    expect((await fetch(`${server.url}/api/collections/nope-${Date.now()}/documents/x`)).status).toBe(404);

    const response = await fetch(`${server.url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const metrics = await response.text();
    expect(sample(metrics, 'andes_http_requests_total', { method: 'POST', route: '/api/ask', status: '200' })).toBe(1);
    expect(sample(metrics, 'andes_http_requests_total', { method: 'GET', route: '/api/search', status: '200' })).toBe(
      1,
    );
    expect(
      sample(metrics, 'andes_http_request_duration_seconds_count', { route: '/v1/chat/completions', status: '200' }),
    ).toBe(1);
    expect(sample(metrics, 'andes_time_to_first_token_seconds_count', { kind: 'ask' })).toBe(1);
    expect(sample(metrics, 'andes_time_to_first_token_seconds_count', { kind: 'chat' })).toBe(1);
    expect(sample(metrics, 'andes_retrieval_duration_seconds_count', { kind: 'ask' })).toBe(1);
    expect(sample(metrics, 'andes_retrieval_duration_seconds_count', { kind: 'search' })).toBe(1);
    expect(sample(metrics, 'andes_generated_tokens_total')).toBe(completion.usage.completion_tokens);
    expect(sample(metrics, 'andes_generations_in_flight', { kind: 'ask' })).toBe(0);
    expect(sample(metrics, 'andes_nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    // Names and ids from paths never become labels.
    expect(metrics).not.toMatch(/nope-/);
    expect(metrics).toMatch(
      /route="unmatched",status="404"|route="\/api\/collections\/:collection\/documents\/:documentId",status="404"/,
    );
  });
});
