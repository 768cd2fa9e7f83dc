import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AndesError } from '@andes-rag/core';
import { afterEach, describe, expect, test } from 'vitest';
import { InferenceEndpointPool, apiBaseUrl } from './inference-endpoint-pool.js';

interface TestServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** A real loopback HTTP server answering every request with `status` and `body`. */
async function startTestServer(status: number, body: unknown): Promise<TestServer> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A URL nothing listens on: a server started and closed again. */
async function refusedUrl(): Promise<string> {
  const server = await startTestServer(200, {});
  await server.close();
  return server.url;
}

const models = { object: 'list', data: [{ id: 'tiny', object: 'model', created: 0, owned_by: 'andes' }] };
const opened: TestServer[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((server) => server.close()));
});

describe('InferenceEndpointPool', () => {
  test('sends each request to the server with the fewest in flight', async () => {
    const pool = new InferenceEndpointPool({
      urls: ['http://127.0.0.1:1', 'http://127.0.0.1:2', 'http://127.0.0.1:3'],
    });
    const releases: Array<() => void> = [];
    const held = Array.from({ length: 6 }, () =>
      pool.run(() => new Promise<void>((resolve) => releases.push(resolve))),
    );
    expect(pool.endpoints.map((endpoint) => endpoint.inFlight)).toEqual([2, 2, 2]);
    releases.forEach((release) => release());
    await Promise.all(held);
    expect(pool.endpoints.map((endpoint) => endpoint.inFlight)).toEqual([0, 0, 0]);
  });

  test('retries a refused connection on another server and skips the refusing one afterwards', async () => {
    const healthy = await startTestServer(200, models);
    opened.push(healthy);
    const refused = await refusedUrl();
    const pool = new InferenceEndpointPool({ urls: [refused, healthy.url], failureCooldownMs: 60_000 });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const listed = await pool.run(async (endpoint) => (await endpoint.client.models.list()).data);
      expect(listed.map((model) => model.id)).toEqual(['tiny']);
    }
    expect(healthy.requests).toEqual(['GET /v1/models', 'GET /v1/models', 'GET /v1/models']);
    expect(pool.endpoints[0]!.failedUntil).toBeGreaterThan(Date.now());
    expect(pool.pick()).toBe(pool.endpoints[1]);
  });

  test('fails with model_error naming the server when none can be reached', async () => {
    const url = await refusedUrl();
    const pool = new InferenceEndpointPool({ urls: [url], retries: 1 });
    const failure = await pool.run((endpoint) => endpoint.client.models.list()).catch((error: unknown) => error);
    expect(AndesError.isInstance(failure) && failure.code).toBe('model_error');
    expect((failure as Error).message).toContain(`The inference server ${url} could not be reached`);
  });

  test('does not retry an answer: a 400 keeps the remote code and reaches one server once', async () => {
    const rejecting = await startTestServer(400, {
      error: {
        message: 'The prompt does not fit.',
        type: 'invalid_request_error',
        param: null,
        code: 'context_overflow',
      },
    });
    const other = await startTestServer(200, models);
    opened.push(rejecting, other);
    const pool = new InferenceEndpointPool({ urls: [rejecting.url, other.url] });
    pool.endpoints[1]!.inFlight = 1; // the rejecting server is the least busy
    const failure = await pool.run((endpoint) => endpoint.client.models.list()).catch((error: unknown) => error);
    expect(AndesError.isInstance(failure) && [failure.code, failure.message]).toEqual([
      'context_overflow',
      'The prompt does not fit.',
    ]);
    expect([rejecting.requests.length, other.requests.length]).toEqual([1, 0]);
  });

  test('a cancelled request rejects with aborted', async () => {
    const pool = new InferenceEndpointPool({ urls: [await refusedUrl()] });
    const controller = new AbortController();
    controller.abort();
    const failure = await pool
      .run((endpoint) => endpoint.client.models.list({ signal: controller.signal }), controller.signal)
      .catch((error: unknown) => error);
    expect(AndesError.isInstance(failure) && failure.code).toBe('aborted');
  });

  test('accepts base URLs with or without /v1', () => {
    expect(apiBaseUrl('http://gpu-1:8000')).toBe('http://gpu-1:8000/v1');
    expect(apiBaseUrl('http://gpu-1:8000/v1/')).toBe('http://gpu-1:8000/v1');
  });
});
