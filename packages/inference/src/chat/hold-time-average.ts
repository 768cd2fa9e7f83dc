/**
 * How long callers hold a pooled item (a generation holds its sequence), as an exponentially weighted average of
 * the recent holds, and the `Retry-After` it suggests for a caller refused because the queue is full.
 */
export class HoldTimeAverage {
  private averageMs: number | undefined;

  /** Records one hold of `milliseconds`; recent holds weigh most (each new one counts for a quarter). */
  record(milliseconds: number): void {
    if (!Number.isFinite(milliseconds) || milliseconds < 0) return;
    this.averageMs = this.averageMs === undefined ? milliseconds : 0.75 * this.averageMs + 0.25 * milliseconds;
  }

  /**
   * Seconds until a refused caller would likely be served: everyone waiting plus itself, served `slots` at a time,
   * each for the average hold; at least 1. Undefined before any hold was recorded (nothing to estimate from).
   */
  retryAfterSeconds(waiting: number, slots: number): number | undefined {
    if (this.averageMs === undefined) return undefined;
    const rounds = Math.ceil((waiting + 1) / Math.max(1, slots));
    return Math.max(1, Math.ceil((rounds * this.averageMs) / 1000));
  }
}
