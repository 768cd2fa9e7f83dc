import { AndesError } from '@andes-rag/core';

/**
 * Settles like `work`, except that it rejects with AndesError `aborted` the moment `signal` fires, without
 * waiting for `work` (whose own outcome is then ignored).
 */
export function rejectOnAbort<Result>(work: Promise<Result>, signal: AbortSignal | undefined): Promise<Result> {
  if (signal === undefined) return work;
  return new Promise<Result>((resolve, reject) => {
    const onAbort = () => reject(new AndesError('aborted', 'The generation was cancelled'));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
