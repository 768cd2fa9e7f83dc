/** Letters or digits in a row: one word for {@link countWords}. */
const wordPattern = /[\p{L}\p{N}]+/gu;

/**
 * The number of words in a text: runs of letters or digits, so markdown markers (`#`, `|`, `-`) and punctuation
 * never count. Used to measure how much of a page's text was kept.
 */
export function countWords(text: string | null | undefined): number {
  if (!text) return 0;
  let count = 0;
  wordPattern.lastIndex = 0;
  while (wordPattern.exec(text) !== null) count += 1;
  return count;
}
