/** A letter or digit outside ASCII. */
const letterOrDigit = /[\p{L}\p{N}]/u;

/**
 * The number of words in a text: runs of letters or digits, so markdown markers (`#`, `|`, `-`) and punctuation
 * never count. Used to measure how much of a page's text was kept. Read character by character (ASCII without a
 * regular expression): HTML pages count the words of every text node, several times over.
 */
export function countWords(text: string | null | undefined): number {
  if (!text) return 0;
  let count = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    let wordCharacter: boolean;
    if (code < 128) wordCharacter = (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      wordCharacter = letterOrDigit.test(text.slice(index, index + 2));
      index += 1;
    } else wordCharacter = letterOrDigit.test(text[index] as string);
    if (!wordCharacter) inWord = false;
    else if (!inWord) {
      inWord = true;
      count += 1;
    }
  }
  return count;
}
