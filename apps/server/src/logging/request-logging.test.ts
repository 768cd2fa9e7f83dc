import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { AndesError } from '@andes-rag/core';
import { createErrorHandler } from '../http/error-handler.js';
import { createLogger } from './create-logger.js';
import { requestLogging, traceContext } from './request-logging.js';

type LogLine = Record<string, unknown> & { level: number; msg: string };

const servers: Array<{ close: () => void }> = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

/** A real HTTP server with the request logging and error handler of the app, logging into `lines`. */
async function serve(): Promise<{ url: string; lines: LogLine[] }> {
  const lines: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString('utf8')) as LogLine);
      callback();
    },
  });
  const logger = createLogger({ logLevel: 'debug' }, { destination });
  const app = express();
  app.use(requestLogging(logger));
  app.get('/readyz', () => {
    throw new AndesError('not_ready', 'Models are loading');
  });
  app.get('/api/thing', (_request, response) => {
    response.json({ ok: true });
  });
  app.use(createErrorHandler(logger));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, lines };
}

describe('request logging', () => {
  it('tags every line of a request with the trace and span ids of its traceparent header', async () => {
    const { url, lines } = await serve();
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    await fetch(`${url}/api/thing`, { headers: { traceparent } });
    expect(lines.find((line) => line.msg === 'request completed')).toMatchObject({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
    });
  });

  it('ignores a malformed or all-zero traceparent', () => {
    expect(traceContext('00-00000000000000000000000000000000-00f067aa0ba902b7-01')).toEqual({});
    expect(traceContext('not a trace')).toEqual({});
    expect(traceContext(undefined)).toEqual({});
  });

  it('logs readiness 503s while loading once at info, never at error', async () => {
    const { url, lines } = await serve();
    for (let probe = 0; probe < 3; probe += 1) expect((await fetch(`${url}/readyz`)).status).toBe(503);
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
    const atInfo = lines.filter((line) => line.level === 30);
    expect(atInfo).toHaveLength(1);
    expect(atInfo[0]).toMatchObject({ code: 'not_ready', status: 503 });
    expect(atInfo[0]).not.toHaveProperty('err');
  });
});
