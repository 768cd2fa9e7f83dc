import type { AndesError, AndesErrorCode } from '@andes-rag/core';

/**
 * The HTTP status for each {@link AndesErrorCode}: the only place the server decides one.
 * `Record` over the whole union, so a code added to core fails the typecheck here until it gets a status.
 */
const statusByCode: Record<AndesErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  misdirected_request: 421,
  collection_not_found: 404,
  not_found: 404,
  conflict: 409,
  unsupported_file_type: 415,
  payload_too_large: 413,
  // A configured model that is missing or broken is the server's problem; see ErrorStatusOptions.
  model_not_found: 500,
  invalid_model_file: 500,
  not_ready: 503,
  queue_full: 429,
  // nginx's "client closed request": the caller has usually gone and never reads it.
  aborted: 499,
  timeout: 504,
  context_overflow: 400,
  parse_failed: 422,
  storage_error: 500,
  // A damaged or foreign store is not the caller's fault and not fixed by retrying: unavailable until repaired.
  store_corrupt: 503,
  store_foreign: 503,
  model_error: 500,
  // Only `andes models pull` downloads; the server never does, so this is a failing upstream if it ever shows.
  download_failed: 502,
  internal_error: 500,
};

/** Options for {@link errorStatus}. */
export interface ErrorStatusOptions {
  /**
   * True when the model file that failed was named by the request itself (a per-request model or adapter), which
   * makes `model_not_found` and `invalid_model_file` the caller's mistake: 400. Default `false`: a model from the
   * server's configuration failing is a server error, 500. Routes set it through `response.locals.modelNamedByRequest`.
   */
  modelNamedByRequest?: boolean;
}

/** True when `code` is one of core's {@link AndesErrorCode}s. */
export function isAndesErrorCode(code: string): code is AndesErrorCode {
  return Object.hasOwn(statusByCode, code);
}

/**
 * The HTTP status for an error code. A string that is no {@link AndesErrorCode} (e.g. from an ingest report) gets 500.
 */
export function errorStatus(code: string, options: ErrorStatusOptions = {}): number {
  if (!isAndesErrorCode(code)) return 500;
  if ((code === 'model_not_found' || code === 'invalid_model_file') && options.modelNamedByRequest === true) return 400;
  return statusByCode[code];
}

/**
 * Seconds for a `Retry-After` header, or undefined when the error gets none: `queue_full` and `not_ready` do,
 * taking `details.retryAfterSeconds` when the thrower set a positive number, else 1 and 5 seconds.
 */
export function retryAfterSeconds(error: AndesError): number | undefined {
  if (error.code !== 'queue_full' && error.code !== 'not_ready') return undefined;
  const suggested = error.details?.['retryAfterSeconds'];
  if (typeof suggested === 'number' && Number.isFinite(suggested) && suggested > 0) return Math.ceil(suggested);
  return error.code === 'queue_full' ? 1 : 5;
}
