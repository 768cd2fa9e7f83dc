import type { Hit } from '@andes-rag/core';

/**
 * The longest word-boundary prefix of the hit's text (at least one word) for which `fits` holds, as a hit whose
 * `text` and `endOffset` are shortened to match; undefined when not even one word fits.
 */
export function truncateToFit(hit: Hit, fits: (candidate: Hit) => boolean): Hit | undefined {
  const wordEnds = [...hit.text.matchAll(/\S+/g)].map((match) => match.index + match[0].length);
  const cut = (words: number): Hit => {
    const end = wordEnds[words - 1] ?? 0;
    return { ...hit, text: hit.text.slice(0, end), endOffset: hit.startOffset + end };
  };
  let low = 0;
  let high = wordEnds.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(cut(middle))) low = middle;
    else high = middle - 1;
  }
  return low === 0 ? undefined : cut(low);
}
