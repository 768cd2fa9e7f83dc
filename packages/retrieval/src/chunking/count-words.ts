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
  if (!unspacedCharacter.test(text)) return countSpacedWords(text);
  let count = 0;
  for (const _word of text.matchAll(wordOrUnspacedCharacter)) count += 1;
  return count;
}

/** Runs of non-whitespace (`\S+`), counted character by character: no match objects for a count. */
function countSpacedWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const space = code < 128 ? code === 32 || (code >= 9 && code <= 13) : whitespace.test(String.fromCharCode(code));
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      count += 1;
    }
  }
  return count;
}

const whitespace = /\s/;

/** The `[start, end)` ranges of the words {@link countWords} counts in `text`, offset by `offset`. */
export function wordRanges(text: string, offset = 0): (readonly [number, number])[] {
  const pattern = unspacedCharacter.test(text) ? wordOrUnspacedCharacter : /\S+/g;
  return [...text.matchAll(pattern)].map(
    (match) => [offset + match.index, offset + match.index + match[0].length] as const,
  );
}
