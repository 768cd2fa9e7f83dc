import type { Response } from 'express';
import { EventStream } from '../../http/event-stream.js';

/**
 * OpenAI's streaming framing over the server's {@link EventStream}: `data: <json>` events and a final
 * `data: [DONE]`. Headers go out with the first event, so a request refused before producing anything (queue full,
 * unknown model) still gets its own status; sends after the client has gone are dropped.
 */
export class OpenAiEventStream {
  readonly #stream: EventStream;

  constructor(response: Response) {
    this.#stream = new EventStream(response);
  }

  /** True once the headers are out: from then on errors travel as `data: {"error": ...}` events. */
  get started(): boolean {
    return this.#stream.started;
  }

  /** Writes one `data:` event with `data` as one line of JSON. */
  send(data: unknown): void {
    this.#stream.write(`data: ${JSON.stringify(data)}\n\n`);
  }

  /** Writes `data: [DONE]` and ends the response. */
  done(): void {
    this.#stream.write('data: [DONE]\n\n');
    this.end();
  }

  /** Ends the response without `[DONE]` (after an error event). */
  end(): void {
    this.#stream.end();
  }
}
