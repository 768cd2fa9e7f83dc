/**
 * `count` indexes spread evenly over `0 … total − 1` (the middle of each of `count` equal slices), so a sample of
 * documents sorted by source covers the whole collection rather than its first folder. At most `total` indexes.
 */
export function spreadSample(total: number, count: number): number[] {
  const taken = Math.max(0, Math.min(total, count));
  return Array.from({ length: taken }, (_unused, index) => Math.floor(((index + 0.5) * total) / taken));
}
