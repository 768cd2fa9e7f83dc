import { AndesError, type AndesErrorCode } from '@andes-rag/core';
import { openaiLibrary } from './openai-library.js';

/** Codes an Andes inference server may answer with that keep their meaning for this server's callers. */
const passedThroughCodes = new Set<AndesErrorCode>([
  'invalid_request',
  'context_overflow',
  'queue_full',
  'timeout',
  'not_ready',
  'payload_too_large',
]);

/**
 * True for a failure to reach the server or to read its answer (refused, reset, closed mid-stream, timed out
 * before answering): another server of the pool may serve the request. False for a cancellation and for any
 * answer the server gave (an HTTP error status).
 */
export function isConnectionFailure(error: unknown): boolean {
  const { APIConnectionError, APIError, APIUserAbortError } = openaiLibrary();
  if (error instanceof APIUserAbortError) return false;
  if (error instanceof APIConnectionError) return true;
  if (error instanceof APIError || AndesError.isInstance(error)) return false;
  // A body cut off mid-stream surfaces from fetch as a TypeError (`terminated`, `fetch failed`).
  return error instanceof TypeError || (error instanceof Error && 'code' in error);
}

/**
 * Turns what the OpenAI client threw while talking to `url` into an AndesError: `aborted` when `signal` fired; the
 * remote Andes code for caller mistakes and overload it reports (`invalid_request`, `context_overflow`,
 * `queue_full`, `timeout`, `not_ready`), else by HTTP status (400 `invalid_request`, 429 `queue_full`, 503
 * `not_ready`, 504 `timeout`); everything else, a refused key or an unknown model included (this server's
 * configuration, not the caller's request), is `model_error` naming the server.
 */
export function toAndesErrorFromRemote(error: unknown, url: string, signal?: AbortSignal): AndesError {
  const { APIConnectionError, APIError, APIUserAbortError } = openaiLibrary();
  if (signal?.aborted === true || error instanceof APIUserAbortError) {
    return new AndesError('aborted', 'The generation was cancelled', { cause: error });
  }
  if (AndesError.isInstance(error)) return error;
  if (error instanceof APIError && error.status === undefined && !(error instanceof APIConnectionError)) {
    // An error event inside a stream: the server answered 200, then reported a failure.
    return new AndesError('model_error', `The inference server ${url} reported: ${error.message}`, {
      cause: error,
      details: { inferenceUrl: url },
    });
  }
  if (error instanceof APIError && error.status !== undefined) {
    const remoteCode = typeof error.code === 'string' ? (error.code as AndesErrorCode) : undefined;
    const code =
      remoteCode !== undefined && passedThroughCodes.has(remoteCode) ? remoteCode : codeForStatus(error.status);
    const detail = (error.error as { message?: unknown } | undefined)?.message;
    const message = typeof detail === 'string' ? detail : error.message;
    if (code !== 'model_error') return new AndesError(code, message, { cause: error, details: { inferenceUrl: url } });
    return new AndesError('model_error', `The inference server ${url} answered ${error.status}: ${message}`, {
      cause: error,
      details: { inferenceUrl: url },
    });
  }
  return new AndesError('model_error', `The inference server ${url} could not be reached: ${describeFailure(error)}`, {
    cause: error,
    details: { inferenceUrl: url },
  });
}

function codeForStatus(status: number): AndesErrorCode {
  if (status === 400 || status === 422) return 'invalid_request';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'queue_full';
  if (status === 503) return 'not_ready';
  if (status === 504) return 'timeout';
  return 'model_error';
}

/** The message of `error` and of its causes, e.g. `Connection error. (fetch failed; connect ECONNREFUSED …)`. */
function describeFailure(error: unknown): string {
  const messages: string[] = [];
  for (let current: unknown = error; current instanceof Error && messages.length < 4; current = current.cause) {
    messages.push(current.message);
  }
  if (messages.length === 0) return String(error);
  const [first, ...causes] = messages;
  return causes.length === 0 ? first! : `${first} (${causes.join('; ')})`;
}
