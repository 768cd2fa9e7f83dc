/** Number of whitespace-separated words in `text`. */
export function countWords(text: string): number {
  let count = 0;
  for (const _word of text.matchAll(/\S+/g)) count += 1;
  return count;
}
