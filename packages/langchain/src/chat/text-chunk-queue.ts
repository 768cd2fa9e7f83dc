/**
 * Text pieces pushed by a callback, read as an async iterator: bridges a generation's `onTextChunk` to
 * LangChain's `_streamResponseChunks` generator. `close()` ends the iteration after the pieces already pushed.
 */
export class TextChunkQueue implements AsyncIterable<string> {
  private readonly pieces: string[] = [];
  private closed = false;
  private wake: (() => void) | undefined;

  /** Adds a piece; ignored after `close()`. */
  push(text: string): void {
    if (this.closed) return;
    this.pieces.push(text);
    this.notify();
  }

  /** Ends the iteration once the pushed pieces are read. */
  close(): void {
    this.closed = true;
    this.notify();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<string> {
    for (;;) {
      const next = this.pieces.shift();
      if (next !== undefined) {
        yield next;
        continue;
      }
      if (this.closed) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
