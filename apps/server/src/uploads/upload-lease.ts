import { rm } from 'node:fs/promises';
import { AndesError } from '@andes-rag/core';
import type { UploadBudget } from './upload-budget.js';

/**
 * One upload's share of the {@link UploadBudget} and the temporary files it wrote. `settle()` deletes the files
 * and gives the bytes back; it runs once, whichever comes first: the route after ingestion, or the response
 * closing for an upload that never reached ingestion (refused, malformed, cut off).
 */
export class UploadLease {
  private readonly startedAt = Date.now();
  private readonly paths = new Set<string>();
  private settling: Promise<void> | undefined;
  /** True while ingestion reads the files: a closing response must not delete them under it. */
  ingesting = false;

  /**
   * @param budget the server's budget
   * @param reserved bytes reserved up front (the request's `Content-Length`)
   * @param chargesAsRead true when nothing could be reserved up front: each chunk is charged as it arrives
   */
  constructor(
    private readonly budget: UploadBudget,
    private reserved: number,
    readonly chargesAsRead: boolean,
  ) {}

  /** Charges `bytes` that arrived on a body without `Content-Length`; throws `queue_full` when they do not fit. */
  charge(bytes: number): void {
    if (!this.chargesAsRead) return;
    if (!this.budget.tryReserve(bytes)) throw budgetExceeded(this.budget, this.reserved + bytes);
    this.reserved += bytes;
  }

  /** Records a temporary file to delete on {@link settle}. */
  track(path: string): void {
    this.paths.add(path);
  }

  /** Deletes the temporary files (missing ones are fine) and gives the reserved bytes back. Idempotent. */
  settle(): Promise<void> {
    this.settling ??= (async () => {
      await Promise.all([...this.paths].map((path) => rm(path, { force: true })));
      this.budget.release(this.reserved, Date.now() - this.startedAt);
    })();
    return this.settling;
  }
}

/** The 429 for an upload that does not fit beside the others in flight now (413 when it never could). */
export function budgetExceeded(budget: UploadBudget, bytes: number): AndesError {
  const details = { bytes, maxUploadBytesInFlight: budget.capacity };
  if (bytes > budget.capacity) {
    return new AndesError(
      'payload_too_large',
      `This upload (${bytes} bytes) is larger than the ${budget.capacity} bytes the server holds at once ` +
        '(ANDES_MAX_UPLOAD_BYTES_IN_FLIGHT); send the files in several uploads.',
      { details },
    );
  }
  return new AndesError(
    'queue_full',
    `Other uploads fill the ${budget.capacity} bytes the server holds at once (ANDES_MAX_UPLOAD_BYTES_IN_FLIGHT); ` +
      'retry after the Retry-After delay.',
    { details: { ...details, inFlight: budget.inFlight, retryAfterSeconds: budget.retryAfterSeconds(bytes) } },
  );
}
