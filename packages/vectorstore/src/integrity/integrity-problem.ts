import type { IntegrityProblem } from '@andes-rag/core';

/** The fix every index problem shares: the indexes are derived data, rebuilt from SQLite. */
export const reindexHint = 'run `andes reindex` to rebuild the indexes from the database';

/** A problem for `count` records, or nothing when the count is 0. */
export function problemIf(
  count: number,
  collection: string | undefined,
  check: string,
  message: string,
): IntegrityProblem[] {
  return count > 0 ? [{ collection, check, count, message: `${count} ${message}` }] : [];
}
