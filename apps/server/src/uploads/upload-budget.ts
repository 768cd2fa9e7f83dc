/**
 * Bytes of uploads the server holds at once, across requests (`config.maxUploadBytesInFlight`): each upload reserves
 * its bytes before they are read (from `Content-Length`) or as they arrive (chunked bodies), and gives them back
 * once its files are ingested and deleted. It also measures how fast uploads drain, to suggest a `Retry-After`.
 */
export class UploadBudget {
  private reserved = 0;
  /** Bytes per second that finished uploads moved through ingestion, smoothed; undefined until one finished. */
  private drainRate: number | undefined;

  /** @param capacity most bytes in flight; a single upload larger than this can never be admitted */
  constructor(readonly capacity: number) {}

  /** Bytes reserved now. */
  get inFlight(): number {
    return this.reserved;
  }

  /** Reserves `bytes` when they fit under the capacity beside what is reserved; false (nothing reserved) otherwise. */
  tryReserve(bytes: number): boolean {
    if (this.reserved + bytes > this.capacity) return false;
    this.reserved += bytes;
    return true;
  }

  /** Gives back `bytes` of an upload that held them for `heldMs` (its whole life: reading, ingesting, deleting). */
  release(bytes: number, heldMs: number): void {
    this.reserved = Math.max(0, this.reserved - bytes);
    if (bytes <= 0 || heldMs <= 0) return;
    const rate = bytes / (heldMs / 1000);
    this.drainRate = this.drainRate === undefined ? rate : 0.7 * this.drainRate + 0.3 * rate;
  }

  /**
   * Seconds until `bytes` more would probably fit: the excess over the free capacity at the measured drain rate,
   * at least 1; 5 before any upload has finished; at most 300.
   */
  retryAfterSeconds(bytes: number): number {
    if (this.drainRate === undefined) return 5;
    const excess = this.reserved + bytes - this.capacity;
    return Math.min(300, Math.max(1, Math.ceil(excess / this.drainRate)));
  }
}
