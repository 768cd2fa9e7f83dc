import { createParser } from 'eventsource-parser';
import { apiFetch } from './api-client.js';
import { ApiError } from './api-error.js';
import type { Answer, Citation } from './api-types.js';

/** What {@link streamAnswer} reports while the answer arrives. */
export interface StreamAnswerHandlers {
  /** The sources, announced before the first token (so Stop keeps them). */
  onCitations: (citations: Citation[]) => void;
  /** One more piece of the answer's text. */
  onToken: (text: string) => void;
}

/**
 * POSTs a question with `Accept: text/event-stream` and reads the answer's events (`citations`, then `token`s, then
 * `done`, or `error`). Resolves with the `done` answer; rejects with an `ApiError` for an `error` event or a failed
 * request, and with an `AbortError` when `signal` aborts (Stop).
 */
export async function streamAnswer(
  path: string,
  body: unknown,
  handlers: StreamAnswerHandlers,
  signal: AbortSignal,
): Promise<Answer> {
  const response = await apiFetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    body: JSON.stringify(body),
    signal,
  });
  if (!(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    const answer = (await response.json()) as Answer;
    handlers.onCitations(answer.citations);
    handlers.onToken(answer.answer);
    return answer;
  }
  let done: Answer | undefined;
  let failure: ApiError | undefined;
  const parser = createParser({
    onEvent: (event) => {
      const data = JSON.parse(event.data) as unknown;
      if (event.event === 'citations') handlers.onCitations((data as { citations: Citation[] }).citations);
      else if (event.event === 'token') handlers.onToken((data as { text: string }).text);
      else if (event.event === 'done') done = data as Answer;
      else if (event.event === 'error') {
        const error = data as { code?: string; message?: string };
        failure = new ApiError(error.code ?? 'error', error.message ?? 'The answer failed.', 200);
      }
    },
  });
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  if (reader === undefined) throw new ApiError('error', 'The server sent an empty answer.', response.status);
  for (;;) {
    const { value, done: finished } = await reader.read();
    if (finished) break;
    parser.feed(value);
  }
  if (failure !== undefined) throw failure;
  if (done === undefined) throw new ApiError('unreachable', 'The answer was cut off before it finished.', 0);
  return done;
}
