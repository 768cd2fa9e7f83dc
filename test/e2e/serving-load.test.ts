import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureTestModels } from '@andes-rag/testing';
import { temporaryDirectory } from '../support/repository.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

// Serving under load with the real model: 2 sequences and 2 waiting places, so a burst overflows quickly.
const sequences = 2;
const queuePlaces = 2;

describe('serving under load: bounded queue, disconnects, loading and shutdown', () => {
  let dataDirectory: Awaited<ReturnType<typeof temporaryDirectory>>;
  let server: ServerProcess;
  let chatModel: string;
  /** Every status any request got, to check that no 5xx other than 503 ever happened. */
  const statuses: number[] = [];

  const complete = (body: Record<string, unknown>, signal?: AbortSignal) =>
    fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: chatModel,
        messages: [{ role: 'user', content: 'Tell me a long story.' }],
        ...body,
      }),
      ...(signal === undefined ? {} : { signal }),
    }).then((response) => {
      statuses.push(response.status);
      return response;
    });

  /** Like `complete`, retrying after `Retry-After` while the answer is 429, as OpenAI clients do (5 tries at most). */
  const completeWhenAdmitted = async (body: Record<string, unknown>, signal?: AbortSignal): Promise<Response> => {
    for (let attempt = 1; ; attempt += 1) {
      const response = await complete(body, signal);
      if (response.status !== 429 || attempt === 5) return response;
      await response.body?.cancel();
      await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('retry-after') ?? 1) * 1000));
    }
  };

  beforeAll(async () => {
    const models = await ensureTestModels();
    dataDirectory = await temporaryDirectory();
    server = await startServerProcess(
      ['--data-dir', dataDirectory.path, '--model', models.chatModelPath],
      {
        ANDES_CHAT_SEQUENCES: String(sequences),
        ANDES_MAX_QUEUED_REQUESTS: String(queuePlaces),
        ANDES_MAX_TOKENS: '1500',
        ANDES_REQUEST_TIMEOUT_MS: '60000',
      },
      { waitFor: 'listening' },
    );
  });

  afterAll(async () => {
    if (server?.process.exitCode === null) await server.stop();
    await dataDirectory?.remove();
  });

  test('while the models load, /readyz and the model routes answer 503 not_ready with Retry-After; then 200', async () => {
    for (;;) {
      const [ready, models] = await Promise.all([fetch(`${server.url}/readyz`), fetch(`${server.url}/v1/models`)]);
      statuses.push(ready.status, models.status);
      if (ready.status === 200) break;
      expect(ready.status).toBe(503);
      expect(ready.headers.get('retry-after')).toBe('5');
      expect(((await ready.json()) as { error: { code: string } }).error.code).toBe('not_ready');
      if (models.status === 503)
        expect(((await models.json()) as { error: { code: string; type: string } }).error).toMatchObject({
          code: 'not_ready',
          type: 'server_error',
        });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    chatModel = ((await (await fetch(`${server.url}/readyz`)).json()) as { chatModel: string }).chatModel;
    expect(chatModel).toBeTruthy();
  });

  test('a burst larger than sequences + queue gets 429 with Retry-After for the excess; the admitted all finish', async () => {
    const burst = await Promise.all(Array.from({ length: 12 }, () => complete({ max_tokens: 200, stream: true })));
    const refused = burst.filter((response) => response.status === 429);
    const admitted = burst.filter((response) => response.status === 200);
    expect(refused.length).toBeGreaterThan(0);
    expect(admitted.length).toBeGreaterThanOrEqual(sequences + queuePlaces);
    expect(refused.length + admitted.length).toBe(burst.length);
    for (const response of refused) {
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await response.json()) as { error: { code: string; type: string } }).error).toMatchObject({
        code: 'queue_full',
        type: 'rate_limit_error',
      });
    }
    for (const response of admitted) expect(await response.text()).toMatch(/data: \[DONE\]\n\n$/);
  });

  test('clients that disconnect mid-stream or while queued free their sequences: fresh requests all get in', async () => {
    for (let round = 0; round < 4; round += 1) {
      const controllers = Array.from({ length: sequences + queuePlaces }, () => new AbortController());
      // Disconnects are noticed a moment after the client drops: a request right after may briefly find no room.
      const running = await Promise.all(
        controllers
          .slice(0, sequences)
          .map((controller) => completeWhenAdmitted({ max_tokens: 1500, stream: true }, controller.signal)),
      );
      expect(running.map((response) => response.status)).toEqual(running.map(() => 200));
      await Promise.all(running.map((response) => response.body!.getReader().read()));
      // These wait for a sequence (their headers come with their first chunk); give them a moment to reach the queue.
      const queued = controllers
        .slice(sequences)
        .map((controller) => complete({ max_tokens: 1500, stream: true }, controller.signal).catch(() => undefined));
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const controller of controllers) controller.abort();
      await Promise.all(queued);
    }
    const fresh = await Promise.all(Array.from({ length: sequences }, () => completeWhenAdmitted({ max_tokens: 8 })));
    expect(fresh.map((response) => response.status)).toEqual(fresh.map(() => 200));
    for (const response of fresh) {
      const completion = (await response.json()) as { usage: { completion_tokens: number } };
      expect(completion.usage.completion_tokens).toBeGreaterThan(0);
    }
  });

  test('SIGTERM during a generation drains it and exits cleanly; no request ever got a 5xx other than 503', async () => {
    const long = 'lorem ipsum dolor sit amet '.repeat(250);
    const streaming = await complete({ max_tokens: 200, stream: true });
    await streaming.body!.getReader().read();
    // A second request whose ~1,500-token prompt is still evaluating when the signal arrives.
    const evaluating = complete({ messages: [{ role: 'user', content: long }], max_tokens: 4 }).catch(
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await server.stop()).toBe(0);
    expect(server.stderr()).not.toMatch(/segmentation|core dumped|uncaught|unhandled/i);
    await evaluating;
    expect(statuses.filter((status) => status >= 500 && status !== 503)).toEqual([]);
  });
});
