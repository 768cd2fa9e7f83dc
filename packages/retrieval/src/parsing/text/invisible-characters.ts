/**
 * Characters that render as nothing yet carry text a model reads: zero-width spaces and joiners (U+200B–U+200D,
 * U+2060–U+2064, U+FEFF, U+180E), bidirectional controls that reorder what is shown (U+200E, U+200F,
 * U+202A–U+202E, U+2066–U+2069), and the Unicode tag block (U+E0000–U+E007F), which can spell out whole ASCII
 * instructions invisibly. Zero-width joiners also shape emoji and some scripts; removing them costs little for
 * search and closes the channel.
 */
const invisibleCharacterPattern =
  /[\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|\uDB40[\uDC00-\uDC7F]/g;

/** `text` without {@link invisibleCharacterPattern}'s characters, and how many were removed. */
export function removeInvisibleCharacters(text: string): { text: string; removed: number } {
  let removed = 0;
  const cleaned = text.replace(invisibleCharacterPattern, () => {
    removed += 1;
    return '';
  });
  return { text: cleaned, removed };
}
