/**
 * The nearest-rank percentile of `values` (`fraction` 0.5 for p50, 0.95 for p95): the smallest value with at least
 * that share of the values at or below it. 0 for an empty list.
 */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((left, right) => left - right);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] as number;
}
