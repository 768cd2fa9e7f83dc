import { AndesError } from '@andes-rag/core';

/** What body-parser (behind `express.json`) and http-errors attach to the errors they raise. */
interface HttpLibraryError {
  type?: unknown;
  status?: unknown;
  statusCode?: unknown;
  expose?: unknown;
  message?: unknown;
}

/** body-parser's error `type`s, as Andes codes and messages a caller can act on. */
const bodyParserErrors: Record<string, { code: 'invalid_request' | 'payload_too_large' | 'aborted'; message: string }> =
  {
    'entity.parse.failed': { code: 'invalid_request', message: 'The request body is not valid JSON.' },
    'entity.too.large': { code: 'payload_too_large', message: 'The request body is larger than the server accepts.' },
    'charset.unsupported': { code: 'invalid_request', message: 'The request body must be UTF-8.' },
    'encoding.unsupported': {
      code: 'invalid_request',
      message: 'The request body uses an unsupported Content-Encoding.',
    },
    'request.size.invalid': { code: 'invalid_request', message: 'The request body does not match its Content-Length.' },
    'request.aborted': { code: 'aborted', message: 'The client aborted the request.' },
  };

/**
 * Turns anything thrown while handling a request into an {@link AndesError}, so one table decides its status.
 * AndesErrors pass through; body-parser and router errors (malformed JSON, body too large, an undecodable path)
 * become the caller's mistakes; everything else is an `internal_error` that keeps the original as `cause`.
 * Multipart errors are translated where multer runs (`uploads/upload-middleware.ts`).
 */
export function normalizeError(error: unknown): AndesError {
  if (AndesError.isInstance(error)) return error;
  if (typeof error !== 'object' || error === null) return internalError(error);
  const candidate = error as HttpLibraryError;
  if (typeof candidate.type === 'string') {
    const known = bodyParserErrors[candidate.type];
    if (known !== undefined) return new AndesError(known.code, known.message, { cause: error });
  }
  const status = typeof candidate.status === 'number' ? candidate.status : candidate.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500 && candidate.expose !== false) {
    const message = typeof candidate.message === 'string' ? candidate.message : 'Bad request.';
    if (status === 413) return new AndesError('payload_too_large', message, { cause: error });
    if (status === 404) return new AndesError('not_found', message, { cause: error });
    return new AndesError('invalid_request', message, { cause: error });
  }
  return internalError(error);
}

function internalError(error: unknown): AndesError {
  const message = error instanceof Error ? error.message : String(error);
  return new AndesError('internal_error', message, { cause: error });
}
