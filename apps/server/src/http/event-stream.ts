import type { Response } from 'express';

/**
 * A Server-Sent Events response. Headers go out with the first event, not before, so a request that fails before
 * producing anything (unknown collection, full queue) still gets an ordinary JSON error with its own status.
 * Every event is written at once (no compression, Nagle off), and sends after the client has gone are dropped.
 */
export class EventStream {
  readonly #response: Response;

  constructor(response: Response) {
    this.#response = response;
  }

  /** True once the headers (and at least one event) are out: from then on errors must travel as events. */
  get started(): boolean {
    return this.#response.headersSent;
  }

  /** Writes `event: NAME` with `data` as one line of JSON. */
  send(event: string, data: unknown): void {
    this.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Writes already-framed event text (e.g. OpenAI's `data: ...` lines), sending the headers first if needed. */
  write(text: string): void {
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

  /** Ends the stream. */
  end(): void {
    if (!this.#response.destroyed && !this.#response.writableEnded) this.#response.end();
  }
}
