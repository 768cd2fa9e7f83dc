import { basename } from 'node:path';
import { AndesError } from '@andes-rag/core';

/**
 * AndesError `aborted` for a load of `modelPath` that its signal cancelled (a shutdown, not a broken model);
 * `cause` is what the interrupted step threw, if anything.
 */
export function modelLoadCancelled(modelPath: string, cause?: unknown): AndesError {
  return new AndesError('aborted', `Loading ${basename(modelPath)} was cancelled`, {
    ...(cause === undefined ? {} : { cause }),
    details: { path: modelPath },
  });
}

/** Throws {@link modelLoadCancelled} once `signal` has fired; a load calls it before each step it cannot undo. */
export function throwIfLoadCancelled(signal: AbortSignal | undefined, modelPath: string): void {
  if (signal?.aborted) throw modelLoadCancelled(modelPath);
}
