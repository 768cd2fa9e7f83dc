import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger as PinoLogger } from 'pino';
import { AndesError } from '@andes-rag/core';
import { toHttpErrorResponse, type HttpErrorResponse } from './error-response.js';

/**
 * Builds the error response for `thrown` and logs it: server errors at `error` with the real cause,
 * the caller's mistakes at `debug` (pino-http logs every response's status anyway), `not_ready` once at `info`.
 */
export function describeAndLogError(thrown: unknown, response: Response, logger: PinoLogger): HttpErrorResponse {
  const described = toHttpErrorResponse(thrown, {
    modelNamedByRequest: response.locals['modelNamedByRequest'] === true,
  });
  const fields = {
    err: described.error.cause ?? described.error,
    code: described.error.code,
    status: described.status,
  };
  if (described.error.code === 'not_ready') logNotReady(logger, fields);
  else if (described.status >= 500) logger.error(fields, 'request failed');
  else logger.debug(fields, 'request rejected');
  return described;
}

let notReadyLogged = false;

/**
 * 503 `not_ready` is the expected answer while models load or the server drains, not a failure: the first one is
 * logged at `info` without a stack, later ones at `debug`, so a readiness probe polling during a long load does not
 * flood the log.
 */
function logNotReady(logger: PinoLogger, fields: { code: string; status: number }): void {
  const summary = { code: fields.code, status: fields.status };
  if (notReadyLogged) {
    logger.debug(summary, 'not ready yet');
    return;
  }
  notReadyLogged = true;
  logger.info(summary, 'not ready yet: answering 503 until loading finishes (logged once; later ones at debug)');
}

/** The last route: every request nothing else answered gets 404 `not_found`. */
export const notFoundHandler: RequestHandler = (request, _response, next) => {
  next(new AndesError('not_found', `No route for ${request.method} ${request.path}.`));
};

/**
 * The one error middleware: answers `{"error": {"code", "message"}}` with the status from `error-status.ts`.
 * A response already under way (a stream) is ended instead; a client that has gone gets nothing.
 */
export function createErrorHandler(logger: PinoLogger): ErrorRequestHandler {
  return (thrown, request, response, _next) => {
    // pino-http's child logger tags the line with the request id.
    const described = describeAndLogError(thrown, response, (request.log as PinoLogger | undefined) ?? logger);
    if (response.destroyed || response.writableEnded) return;
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(described.status).set(described.headers).json(described.body);
  };
}
