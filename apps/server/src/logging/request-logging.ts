import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger as PinoLogger } from 'pino';
import { pinoHttp } from 'pino-http';

const acceptableRequestId = /^[\w.:-]{1,128}$/;

/**
 * pino-http middleware: one log line per response (5xx at `error`, 4xx at `warn`, the rest at `info`; health probes
 * only at `debug`), each with a request id taken from a sane `X-Request-Id` header or generated, and echoed back.
 * A line holds the method, path, status and timing, never headers or the query string.
 */
export function requestLogging(logger: PinoLogger): RequestHandler {
  const middleware = pinoHttp({
    logger,
    genReqId: (request: IncomingMessage, response: ServerResponse) => {
      const incoming = request.headers['x-request-id'];
      const id = typeof incoming === 'string' && acceptableRequestId.test(incoming) ? incoming : randomUUID();
      response.setHeader('X-Request-Id', id);
      return id;
    },
    // Keep request lines short: headers and query strings (which carry questions) stay out of the log.
    serializers: {
      req: (request: { id: unknown; method: string; url: string; remoteAddress: string }) => ({
        id: request.id,
        method: request.method,
        path: request.url.split('?')[0],
        remoteAddress: request.remoteAddress,
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
    customLogLevel: (request: IncomingMessage, response: ServerResponse, error?: Error) => {
      if (error !== undefined || response.statusCode >= 500) return 'error';
      if (response.statusCode >= 400) return 'warn';
      if (request.url === '/healthz' || request.url === '/readyz') return 'debug';
      return 'info';
    },
  });
  return (request, response, next) => middleware(request, response, next);
}
