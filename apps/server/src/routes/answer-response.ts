import type { Citation } from '@andes-rag/core';
import type { Request, Response } from 'express';
import { describeAndLogError } from '../http/error-handler.js';
import { EventStream } from '../http/event-stream.js';

/** What an answering service call receives when the answer streams; absent for a JSON answer. */
export interface AnswerStreamCallbacks {
  /** Sends one `token` event `{"text"}`. */
  onTextChunk: (text: string) => void;
  /** Sends the `citations` event `{"citations"}`, before the first `token`. */
  onCitations: (citations: Citation[]) => void;
}

/**
 * Sends an answer as JSON, or as SSE when the client asks for `text/event-stream`: one `citations` event
 * `{"citations": [...]}` once retrieval is done (every source the answer may cite, numbered as it cites them; an
 * empty list when nothing relevant was found), then `token` events `{"text"}` while the answer streams, then one
 * `done` event with the result (whose `citations` are the same objects, or the subset a generated answer cites); a
 * failure after the first event arrives as an `error` event `{code, message}`. The one SSE answer helper, shared by
 * `/api/ask` and conversation messages. `status` applies to JSON only.
 */
export async function respondWithAnswer(
  request: Request,
  response: Response,
  answer: (callbacks?: AnswerStreamCallbacks) => Promise<unknown>,
  status = 200,
): Promise<void> {
  if (!wantsEventStream(request)) {
    response.status(status).json(await answer());
    return;
  }
  const stream = new EventStream(response);
  try {
    const result = await answer({
      onCitations: (citations) => stream.send('citations', { citations }),
      onTextChunk: (text) => stream.send('token', { text }),
    });
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
