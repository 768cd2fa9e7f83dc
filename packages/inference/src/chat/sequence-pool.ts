import { AndesError } from '@andes/core';

interface Waiter<Item> {
  resolve: (item: Item) => void;
  reject: (error: AndesError) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/**
 * A fixed set of reusable items (context sequences) handed out first come, first served. Callers wait in a
 * FIFO queue while every item is busy; an aborted wait leaves the queue at once.
 */
export class SequencePool<Item> {
  private readonly free: Item[];
  private readonly waiters: Waiter<Item>[] = [];
  private closed = false;

  /**
   * @param items the pooled items, all free at first
   * @param maxWaiting most callers allowed to wait; one more is refused with AndesError `queue_full`
   */
  constructor(
    items: readonly Item[],
    private readonly maxWaiting = Number.POSITIVE_INFINITY,
  ) {
    this.free = [...items];
  }

  /** Callers waiting for an item. */
  get waiting(): number {
    return this.waiters.length;
  }

  /** Resolves with a free item, in arrival order. Rejects with `aborted` when `signal` fires while waiting. */
  acquire(signal?: AbortSignal): Promise<Item> {
    if (this.closed) return Promise.reject(new AndesError('not_ready', 'The model is shutting down'));
    if (signal?.aborted) return Promise.reject(abortedError());
    const item = this.free.shift();
    if (item !== undefined) return Promise.resolve(item);
    if (this.waiters.length >= this.maxWaiting) {
      return Promise.reject(new AndesError('queue_full', 'Too many generations are waiting', {
        details: { maxWaiting: this.maxWaiting },
      }));
    }
    return new Promise<Item>((resolve, reject) => {
      const waiter: Waiter<Item> = { resolve, reject, signal, onAbort: () => this.leave(waiter, abortedError()) };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** Returns an item: the longest waiter gets it, else it becomes free. */
  release(item: Item): void {
    const waiter = this.waiters.shift();
    if (waiter === undefined) {
      this.free.push(item);
      return;
    }
    waiter.signal?.removeEventListener('abort', waiter.onAbort);
    waiter.resolve(item);
  }

  /** Refuses new callers and rejects every waiting one with `not_ready`. */
  close(): void {
    this.closed = true;
    for (const waiter of [...this.waiters]) this.leave(waiter, new AndesError('not_ready', 'The model is shutting down'));
  }

  private leave(waiter: Waiter<Item>, error: AndesError): void {
    const index = this.waiters.indexOf(waiter);
    if (index === -1) return;
    this.waiters.splice(index, 1);
    waiter.signal?.removeEventListener('abort', waiter.onAbort);
    waiter.reject(error);
  }
}

function abortedError(): AndesError {
  return new AndesError('aborted', 'The generation was cancelled');
}
