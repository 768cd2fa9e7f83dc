import type { Response } from 'express';
import { AndesError } from '@andes-rag/core';

/**
 * An AbortSignal that fires when the client goes away before the response is complete: the response closes
 * without having finished. Passed down to the service so generation stops and frees its sequence at once.
 * (The response's `close` is the reliable signal: since Node 16 the request's `close` fires as soon as its body is read.)
 */
export function abortOnDisconnect(response: Response): AbortSignal {
  const controller = new AbortController();
  response.once('close', () => {
    if (!response.writableFinished) controller.abort(new AndesError('aborted', 'The client disconnected.'));
  });
  return controller.signal;
}
