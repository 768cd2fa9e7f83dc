import type { Request, Response } from 'express';
import { describeAndLogError } from '../http/error-handler.js';
import { EventStream } from '../http/event-stream.js';

/**
 * Sends an answer as JSON, or as SSE when the client asks for `text/event-stream`: `token` events `{"text"}` while
 * `answer` streams, then one `done` event with the result; a failure after the first event arrives as an `error`
 * event `{code, message}`. Shared by `/api/ask` and conversation messages. `status` applies to JSON only.
 */
export async function respondWithAnswer(
  request: Request,
  response: Response,
  answer: (onTextChunk?: (text: string) => void) => Promise<unknown>,
  status = 200,
): Promise<void> {
  if (!wantsEventStream(request)) {
    response.status(status).json(await answer());
    return;
  }
  const stream = new EventStream(response);
  try {
    const result = await answer((text) => stream.send('token', { text }));
    stream.send('done', result);
  } catch (error) {
    if (!stream.started) throw error;
    stream.send('error', describeAndLogError(error, response, request.log).body.error);
  }
  stream.end();
}

/** True when the client prefers an event stream to JSON. */
export function wantsEventStream(request: Request): boolean {
  return request.accepts(['application/json', 'text/event-stream']) === 'text/event-stream';
}
