import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger as PinoLogger } from 'pino';
import { AndesError } from '@andes-rag/core';
import { describeAndLogError } from '../../http/error-handler.js';

/** An error in OpenAI's shape, which OpenAI's clients parse into their error classes. */
export interface OpenAiErrorBody {
  error: {
    message: string;
    /** `invalid_request_error`, `rate_limit_error`, `server_error`, ... */
    type: string;
    /** The request field at fault, e.g. `messages` or `model`, when one is. */
    param: string | null;
    /** The Andes error code, or `model_not_found` for a model name that is not served. */
    code: string | null;
  };
}

/** What an OpenAI-compatible route answers for a failure. */
export interface OpenAiErrorResponse {
  status: number;
  /** Extra headers, e.g. `Retry-After` for 429 and 503. */
  headers: Record<string, string>;
  body: OpenAiErrorBody;
}

/**
 * Describes `thrown` for an OpenAI client and logs it: the status, headers and message come from the server's one
 * status table (`error-status.ts`) and the usual hiding of 5xx internals; only the body's shape differs.
 */
export function describeOpenAiError(thrown: unknown, response: Response, logger: PinoLogger): OpenAiErrorResponse {
  const described = describeAndLogError(thrown, response, logger);
  const { error, status } = described;
  const namesModel =
    error.code === 'collection_not_found' || (error.code === 'not_found' && error.details?.['model'] !== undefined);
  const param = namesModel ? 'model' : typeof error.details?.['param'] === 'string' ? error.details['param'] : null;
  return {
    status,
    headers: described.headers,
    body: {
      error: {
        message: described.body.error.message,
        type: errorType(status),
        param,
        code: namesModel ? 'model_not_found' : error.code,
      },
    },
  };
}

function errorType(status: number): string {
  if (status === 429) return 'rate_limit_error';
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

/** The last handler under `/v1`: an unknown path gets OpenAI's 404. */
export const openAiNotFoundHandler: RequestHandler = (request, _response, next) => {
  next(new AndesError('not_found', `Unknown request URL: ${request.method} ${request.originalUrl.split('?')[0]}.`));
};

/** The error handler under `/v1`: every failure, malformed JSON bodies included, in OpenAI's shape. */
export function createOpenAiErrorHandler(logger: PinoLogger): ErrorRequestHandler {
  return (thrown, request, response, _next) => {
    const described = describeOpenAiError(thrown, response, (request.log as PinoLogger | undefined) ?? logger);
    if (response.destroyed || response.writableEnded) return;
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(described.status).set(described.headers).json(described.body);
  };
}
