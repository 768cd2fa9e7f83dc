import type { AndesError } from '@andes-rag/core';
import { errorStatus, retryAfterSeconds, type ErrorStatusOptions } from './error-status.js';
import { normalizeError } from './normalize-error.js';

/** The JSON body of every error response: `{"error": {"code", "message", "details"?}}`. */
export interface ErrorBody {
  error: {
    /** An AndesError code. */
    code: string;
    message: string;
    /** Structured facts (limits, names, an ingest report), when the error carries any. */
    details?: Record<string, unknown>;
  };
}

/** Everything needed to answer a failed request. */
export interface HttpErrorResponse {
  status: number;
  /** Extra headers, e.g. `Retry-After`. */
  headers: Record<string, string>;
  body: ErrorBody;
  /** The error as normalised, with its original `cause`: for the log, never for the client. */
  error: AndesError;
}

/** What a caller sees for server-side failures, whose real messages may name files or internals. */
const genericMessages: Record<string, string> = {
  storage_error: 'The store failed to read or write data.',
  model_error: 'The model failed.',
  model_not_found: 'A configured model file could not be found.',
  invalid_model_file: 'A configured model file could not be loaded.',
};
const fallbackMessage = 'The server failed to handle the request.';

/**
 * Builds the response for any thrown value. 4xx errors, 503 and 504 keep their message and details; other 5xx get
 * a generic message and no details (the real error goes to the log).
 */
export function toHttpErrorResponse(thrown: unknown, options: ErrorStatusOptions = {}): HttpErrorResponse {
  const error = normalizeError(thrown);
  const status = errorStatus(error.code, options);
  const headers: Record<string, string> = {};
  const retryAfter = retryAfterSeconds(error);
  if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
  const isHidden = status >= 500 && status !== 503 && status !== 504;
  const body: ErrorBody = isHidden
    ? { error: { code: error.code, message: genericMessages[error.code] ?? fallbackMessage } }
    : {
        error: {
          code: error.code,
          message: error.message,
          ...(error.details === undefined ? {} : { details: error.details }),
        },
      };
  return { status, headers, body, error };
}
