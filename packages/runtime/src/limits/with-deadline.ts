import { AndesError } from '@andes-rag/core';

/**
 * Runs `work` with a signal that fires when `signal` does or when `timeoutMs` has passed. A run cut off by the
 * deadline rejects with AndesError `timeout` (whatever `work` itself rejected with, usually `aborted`); a run
 * cancelled by `signal` keeps its own error.
 */
export async function withDeadline<Result>(
  timeoutMs: number,
  signal: AbortSignal | undefined,
  work: (signal: AbortSignal) => Promise<Result>,
): Promise<Result> {
  const deadline = new AbortController();
  const timeout = () =>
    new AndesError('timeout', `The request took longer than its limit of ${timeoutMs} ms.`, { details: { timeoutMs } });
  const timer = setTimeout(() => deadline.abort(timeout()), timeoutMs);
  const combined = signal === undefined ? deadline.signal : AbortSignal.any([signal, deadline.signal]);
  try {
    return await work(combined);
  } catch (error) {
    if (deadline.signal.aborted && signal?.aborted !== true) {
      throw new AndesError('timeout', timeout().message, { cause: error, details: { timeoutMs } });
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
