/**
 * A failed API call: the server's `{error: {code, message}}` with its status, or `unreachable` (status 0) when no
 * answer came at all (server down, network cut), so the page can say which.
 */
export class ApiError extends Error {
  /** The Andes error code (`unauthorized`, `not_found`, ...) or `unreachable`. */
  readonly code: string;
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;

  constructor(code: string, message: string, status: number) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

/** The message the page shows for any failure. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof DOMException && error.name === 'AbortError') return 'Stopped.';
  return error instanceof Error ? error.message : String(error);
}

/** Turns a non-OK response into an {@link ApiError}, reading the server's error body when it has one. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.message) return new ApiError(body.error.code ?? 'error', body.error.message, response.status);
  } catch {
    // Not JSON: fall through to the status line.
  }
  return new ApiError('error', `The server answered ${response.status} ${response.statusText}.`, response.status);
}

/** The error for a fetch that got no answer. */
export const unreachableError = (): ApiError =>
  new ApiError('unreachable', 'The Andes server cannot be reached. Is it running?', 0);
