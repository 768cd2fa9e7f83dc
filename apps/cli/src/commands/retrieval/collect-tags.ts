/**
 * Commander's collector for a repeatable `--tag NAME` flag: each use adds its value, split at commas and trimmed;
 * empty names are dropped. `--tag hr --tag it` and `--tag hr,it` give the same list.
 */
export function collectTags(value: string, previous: string[] = []): string[] {
  const added = value
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  return [...previous, ...added];
}
