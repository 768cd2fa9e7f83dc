/**
 * A document's tags as stored: trimmed, without empty or repeated entries, sorted, so that the same set of tags
 * always compares equal however it was given. Undefined is no tags.
 */
export function normalizeTags(tags: readonly string[] | undefined): string[] {
  const kept = new Set<string>();
  for (const tag of tags ?? []) {
    const trimmed = tag.trim();
    if (trimmed.length > 0) kept.add(trimmed);
  }
  return [...kept].sort();
}
