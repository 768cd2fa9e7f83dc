import { AndesError } from '@andes-rag/core';
import { HoldTimeAverage } from './hold-time-average.js';

interface Waiter<Item> {
  resolve: (item: Item) => void;
  reject: (error: AndesError) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/** Options of {@link SequencePool}. */
export interface SequencePoolOptions<Item> {
  /**
   * Items lent at once. Default: all of them. Fewer than the items leaves spares, so that an item being reset
   * after use never delays the next caller.
   */
  slots?: number;
  /**
   * Run on every returned item before it is lent again (e.g. clearing a sequence's tokens, which waits for the
   * context's batch loop). Callers get only reset items. A reset that rejects still returns the item. Default: none.
   */
  reset?: (item: Item) => Promise<void>;
}

/**
 * A fixed set of reusable items (context sequences) handed out first come, first served, at most `slots` at once.
 * Callers wait in a FIFO queue while every slot is busy; an aborted wait leaves the queue at once. Returned items
 * are reset in the background, so an admitted caller gets a clean item without waiting for the reset.
 */
export class SequencePool<Item> {
  private readonly ready: Item[];
  private readonly waiters: Waiter<Item>[] = [];
  private readonly slots: number;
  private readonly reset: ((item: Item) => Promise<void>) | undefined;
  private readonly resets = new Set<Promise<void>>();
  private lent = 0;
  private closed = false;
  private readonly lentAt = new Map<Item, number>();
  private readonly holdTime = new HoldTimeAverage();

  /**
   * @param items the pooled items, all ready at first
   * @param maxWaiting most callers allowed to wait, for a slot or for a reset to finish; one more is refused with
   *   AndesError `queue_full` (with 0, a caller is admitted only when a ready item is there for it)
   * @param options slots and reset, see {@link SequencePoolOptions}
   */
  constructor(
    items: readonly Item[],
    private readonly maxWaiting = Number.POSITIVE_INFINITY,
    options: SequencePoolOptions<Item> = {},
  ) {
    this.ready = [...items];
    this.slots = Math.min(options.slots ?? items.length, items.length);
    this.reset = options.reset;
  }

  /** Callers waiting, for a slot or for a reset to finish. */
  get waiting(): number {
    return this.waiters.length;
  }

  /** Resolves with a ready item, in arrival order. Rejects with `aborted` when `signal` fires while waiting. */
  acquire(signal?: AbortSignal): Promise<Item> {
    if (this.closed) return Promise.reject(new AndesError('not_ready', 'The model is shutting down'));
    if (signal?.aborted) return Promise.reject(abortedError());
    if (this.waiters.length === 0 && this.freeSlots > 0 && this.ready.length > 0) return Promise.resolve(this.lend());
    // A caller that would wait for a reset waits like one without a slot: with maxWaiting 0, nobody waits.
    if (this.waiters.length >= this.maxWaiting) {
      // Retry-After from the queue ahead and how long recent generations held their sequence.
      const retryAfterSeconds = this.holdTime.retryAfterSeconds(this.waiters.length, this.slots);
      return Promise.reject(
        new AndesError('queue_full', 'Too many generations are waiting', {
          details: { maxWaiting: this.maxWaiting, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) },
        }),
      );
    }
    return new Promise<Item>((resolve, reject) => {
      const waiter: Waiter<Item> = { resolve, reject, signal, onAbort: () => this.leave(waiter, abortedError()) };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** Returns an item: it is reset (when a reset is set), then the longest waiter gets it, else it becomes ready. */
  release(item: Item): void {
    this.lent--;
    const lentAt = this.lentAt.get(item);
    this.lentAt.delete(item);
    if (lentAt !== undefined) this.holdTime.record(performance.now() - lentAt);
    if (this.reset === undefined || this.closed) {
      this.ready.push(item);
      this.dispatch();
      return;
    }
    const reset = this.reset(item)
      .catch(() => undefined)
      .finally(() => {
        this.resets.delete(reset);
        this.ready.push(item);
        this.dispatch();
      });
    this.resets.add(reset);
    this.dispatch();
  }

  /** Refuses new callers and rejects every waiting one with `not_ready`. */
  close(): void {
    this.closed = true;
    for (const waiter of [...this.waiters])
      this.leave(waiter, new AndesError('not_ready', 'The model is shutting down'));
  }

  /** Resolves once every reset in progress has ended (call before freeing what the items live in). */
  async settled(): Promise<void> {
    await Promise.all(this.resets);
  }

  private get freeSlots(): number {
    return this.slots - this.lent;
  }

  private lend(): Item {
    this.lent++;
    const item = this.ready.shift()!;
    this.lentAt.set(item, performance.now());
    return item;
  }

  private dispatch(): void {
    while (this.waiters.length > 0 && this.freeSlots > 0 && this.ready.length > 0) {
      const waiter = this.waiters.shift()!;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.resolve(this.lend());
    }
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
