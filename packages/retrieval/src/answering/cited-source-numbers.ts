/**
 * The source numbers an answer cites, ascending and without repeats, keeping only 1..`sourceCount`.
 * Reads `[2]`, `[1][3]`, `[1, 3]` and `[1-3]`.
 */
export function citedSourceNumbers(answer: string, sourceCount: number): number[] {
  const cited = new Set<number>();
  for (const match of answer.matchAll(/\[(\d+(?:\s*[,;–-]\s*\d+)*)\]/g)) {
    for (const part of (match[1] ?? '').split(/\s*[,;]\s*/)) {
      const [from, to = from] = part.split(/\s*[–-]\s*/).map(Number);
      if (from === undefined || to === undefined || to - from > sourceCount) continue;
      for (let n = from; n <= to; n += 1) if (n >= 1 && n <= sourceCount) cited.add(n);
    }
  }
  return [...cited].sort((left, right) => left - right);
}
