import { AndesError, type AndesErrorCode } from './andes-error.js';

/**
 * Returns `error` if it already is an {@link AndesError}, else wraps it with the given code
 * (default `internal_error`), keeping the original as `cause`.
 */
export function toAndesError(error: unknown, code: AndesErrorCode = 'internal_error'): AndesError {
  if (AndesError.isInstance(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AndesError(code, message, { cause: error });
}
