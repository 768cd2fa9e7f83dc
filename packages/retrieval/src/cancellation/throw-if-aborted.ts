import { AndesError } from '@andes-rag/core';

/** Throws an AndesError `aborted` when the signal has fired; does nothing without a signal. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new AndesError('aborted', 'The operation was cancelled.', { cause: signal.reason });
  }
}
