import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { AndesError, type Answer } from '@andes-rag/core';
import { loadConfig } from '@andes-rag/runtime';
import { createLogger } from '../logging/create-logger.js';
import { deferred, FakeAndesService } from '../testing/fake-andes-service.js';
import { expectErrorResponse } from '../testing/http-assertions.js';
import { startTestServer, type TestServer } from '../testing/start-test-server.js';
import { createApp } from './create-app.js';
import { listen } from './listen.js';
import { startServer } from './start-server.js';

describe('startServer', () => {
  const servers: TestServer[] = [];
  const start = async (options: Parameters<typeof startTestServer>[0] = {}) => {
    const server = await startTestServer(options);
    servers.push(server);
    return server;
  };
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  it('listens on a free port when asked for port 0', async () => {
    const server = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toMatch(/:0$/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('lets an in-flight request finish, then stops and closes the service once', async () => {
    const server = await start();
    const gate = deferred<void>();
    server.service.gate = gate.promise;
    const pending = fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ question: 'still running?' }),
    });
    await server.service.askStarted;
    const closing = server.close();
    expect(server.close()).toBe(closing);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    gate.resolve();
    const response = await pending;
    expect(response.status).toBe(200);
    expect(((await response.json()) as Answer).mode).toBe('generative');
    await closing;
    expect(server.service.closeCount).toBe(1);
  });

  it('cuts off a request still running after the grace period, aborting its generation before closing the service', async () => {
    const server = await start({ shutdownGraceMs: 50 });
    const response = await fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({ question: 'hang' }),
    });
    await response.body!.getReader().read();
    await server.close();
    const reason = await server.service.askAborted;
    expect(AndesError.isInstance(reason) && reason.code).toBe('aborted');
    expect(server.service.events).toEqual(['ask aborted', 'close']);
  });

  it('rejects with invalid_request when the port is taken', async () => {
    const first = await start();
    const port = Number(new URL(first.url).port);
    const config = loadConfig({ port, host: '127.0.0.1', logLevel: 'silent' }, {});
    const attempt = startServer({ service: new FakeAndesService(), config, logger: createLogger(config) });
    await expect(attempt).rejects.toMatchObject({ code: 'invalid_request', details: { port } });
  });

  it('says it is closing from the moment close() is called, so `andes serve` prints no banner during shutdown', async () => {
    const config = loadConfig({ port: 0, host: '127.0.0.1', logLevel: 'silent' }, {});
    const server = await startServer({ service: new FakeAndesService(), config, logger: createLogger(config) });
    expect(server.closing).toBe(false);
    const closed = server.close();
    expect(server.closing).toBe(true);
    await closed;
    expect(server.closing).toBe(true);
  });

  it('installs signal handlers only when asked, and removes them on close', async () => {
    const before = process.listenerCount('SIGTERM');
    const quiet = await start();
    expect(process.listenerCount('SIGTERM')).toBe(before);
    await quiet.close();
    const config = loadConfig({ port: 0, host: '127.0.0.1', logLevel: 'silent' }, {});
    const handling = await startServer({
      service: new FakeAndesService(),
      config,
      logger: createLogger(config),
      handleSignals: true,
    });
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    expect(process.listenerCount('SIGINT')).toBeGreaterThan(0);
    await handling.close();
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});

describe('readiness while draining', () => {
  it('answers /readyz with 503 once the server drains', async () => {
    const config = loadConfig({ port: 0, host: '127.0.0.1', logLevel: 'silent' }, {});
    let draining = false;
    const app = createApp({
      service: new FakeAndesService(),
      config,
      logger: createLogger(config),
      isDraining: () => draining,
    });
    const server = createServer(app);
    const url = await listen(server, '127.0.0.1', 0);
    try {
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      draining = true;
      await expectErrorResponse(await fetch(`${url}/readyz`), 503, 'not_ready');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
