import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectErrorResponse } from '../testing/http-assertions.js';
import { startTestServer, type TestServer } from '../testing/start-test-server.js';

describe('health routes', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('answers /healthz', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      eventLoopDelayMs: { p50: expect.any(Number), p99: expect.any(Number), max: expect.any(Number) },
    });
  });

  it('reports in /healthz how long the event loop was blocked', async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const blockedUntil = Date.now() + 300;
    while (Date.now() < blockedUntil); // what a huge file parsed on the main thread did
    await new Promise((resolve) => setTimeout(resolve, 100)); // the sampler notes the late tick
    const body = (await (await fetch(`${server.url}/healthz`)).json()) as { eventLoopDelayMs: { max: number } };
    expect(body.eventLoopDelayMs.max).toBeGreaterThanOrEqual(250);
  });

  it('answers /readyz with the readiness once ready', async () => {
    const response = await fetch(`${server.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ready: true, store: true, chatModel: null, embeddingModel: null });
  });

  it('answers /readyz with 503 not_ready while loading', async () => {
    server.service.ready = false;
    const body = await expectErrorResponse(await fetch(`${server.url}/readyz`), 503, 'not_ready');
    expect(body.error.details).toEqual({ readiness: expect.objectContaining({ ready: false }) });
  });

  it('answers an unknown route with 404 not_found', async () => {
    await expectErrorResponse(await fetch(`${server.url}/api/nope`), 404, 'not_found');
    await expectErrorResponse(await fetch(`${server.url}/healthz`, { method: 'POST' }), 404, 'not_found');
  });

  it('answers a path it cannot decode with 400', async () => {
    await expectErrorResponse(await fetch(`${server.url}/api/collections/%E0%A4%A/documents`), 400, 'invalid_request');
  });

  it('logs each request as JSON with a request id it echoes back', async () => {
    const response = await fetch(`${server.url}/healthz`, { headers: { 'X-Request-Id': 'trace-123' } });
    expect(response.headers.get('x-request-id')).toBe('trace-123');
    expect(server.logs).toContainEqual(
      expect.objectContaining({
        req: expect.objectContaining({ id: 'trace-123' }),
        res: expect.objectContaining({ statusCode: 200 }),
      }),
    );
  });
});
