import type { Response } from 'express';

/**
 * OpenAI's streaming framing: `data: <json>` events and a final `data: [DONE]`. Like the server's `EventStream`,
 * headers go out with the first event, so a request refused before producing anything (queue full, unknown model)
 * still gets its own status; sends after the client has gone are dropped.
 */
export class OpenAiEventStream {
  readonly #response: Response;

  constructor(response: Response) {
    this.#response = response;
  }

  /** True once the headers are out: from then on errors travel as `data: {"error": ...}` events. */
  get started(): boolean {
    return this.#response.headersSent;
  }

  /** Writes one `data:` event with `data` as one line of JSON. */
  send(data: unknown): void {
    this.#write(`data: ${JSON.stringify(data)}\n\n`);
  }

  /** Writes `data: [DONE]` and ends the response. */
  done(): void {
    this.#write('data: [DONE]\n\n');
    this.end();
  }

  /** Ends the response without `[DONE]` (after an error event). */
  end(): void {
    if (!this.#response.destroyed && !this.#response.writableEnded) this.#response.end();
  }

  #write(text: string): void {
    const response = this.#response;
    if (response.destroyed || response.writableEnded) return;
    if (!response.headersSent) {
      response.status(200).set({
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      response.flushHeaders();
    }
    response.write(text);
  }
}
