/** A Chinese or Japanese character: those scripts do not separate words with spaces. */
const unspacedCharacter = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const wordOrUnspacedCharacter =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

/**
 * Number of words in `text`, as chunk sizes count them: whitespace-separated words, except that each Chinese or
 * Japanese character counts as one word (those scripts write no spaces, and one character takes about as many model
 * tokens as one English word), so a Chinese section is cut into chunks of about the same token size as English.
 */
export function countWords(text: string): number {
  if (!unspacedCharacter.test(text)) {
    let count = 0;
    for (const _word of text.matchAll(/\S+/g)) count += 1;
    return count;
  }
  let count = 0;
  for (const _word of text.matchAll(wordOrUnspacedCharacter)) count += 1;
  return count;
}

/** The `[start, end)` ranges of the words {@link countWords} counts in `text`, offset by `offset`. */
export function wordRanges(text: string, offset = 0): (readonly [number, number])[] {
  const pattern = unspacedCharacter.test(text) ? wordOrUnspacedCharacter : /\S+/g;
  return [...text.matchAll(pattern)].map(
    (match) => [offset + match.index, offset + match.index + match[0].length] as const,
  );
}
