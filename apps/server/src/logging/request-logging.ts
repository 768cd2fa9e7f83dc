import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger as PinoLogger } from 'pino';
import { pinoHttp } from 'pino-http';

const acceptableRequestId = /^[\w.:-]{1,128}$/;
/** A W3C `traceparent` header: version 00, a 32-hex trace id and a 16-hex parent span id, both not all zeros. */
const traceparentPattern = /^00-(?!0{32})([0-9a-f]{32})-(?!0{16})([0-9a-f]{16})-[0-9a-f]{2}$/;

/**
 * The trace and parent span ids of a valid `traceparent` header, for log lines, so a request's lines join the
 * caller's trace in a log backend; nothing for an absent or malformed header.
 */
export function traceContext(header: string | string[] | undefined): { traceId?: string; spanId?: string } {
  const match = typeof header === 'string' ? traceparentPattern.exec(header.trim().toLowerCase()) : null;
  return match?.[1] && match[2] ? { traceId: match[1], spanId: match[2] } : {};
}

/**
 * pino-http middleware: one log line per response (5xx at `error`, 4xx at `warn`, the rest at `info`; health probes
 * only at `debug`), each with a request id taken from a sane `X-Request-Id` header or generated, and echoed back.
 * A probe's 503 (loading, draining) is logged at `debug`. Lines carry `traceId`/`spanId` from a W3C `traceparent`. A line holds the method, path, status and timing, never
 * headers or the query string.
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
    // Every line logged for the request (pino-http's child logger) carries the caller's W3C trace context.
    customProps: (request: IncomingMessage) => traceContext(request.headers.traceparent),
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
      const probe = request.url === '/healthz' || request.url === '/readyz';
      // A probe's 503 is its answer while loading or draining (the error handler logs the first one at info).
      if (probe && response.statusCode === 503) return 'debug';
      if (error !== undefined || response.statusCode >= 500) return 'error';
      if (response.statusCode >= 400) return 'warn';
      if (probe) return 'debug';
      return 'info';
    },
  });
  return (request, response, next) => middleware(request, response, next);
}
