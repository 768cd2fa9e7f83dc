/** A sentence of an answer with the source numbers it cites. */
export interface CitedSentence {
  /** The sentence without its `[n]` markers. */
  text: string;
  /** Cited numbers in order of appearance, without repeats. */
  citations: number[];
}

const markerPattern = /\[(\d+(?:\s*[,;–-]\s*\d+)*)\]/g;
const leadingMarkers = /^\s*(?:\[\d+(?:\s*[,;–-]\s*\d+)*\]\s*)+/;

/**
 * Splits an answer into sentences (ICU sentence rules through `Intl.Segmenter`) and reads the `[n]` markers of each
 * (`[2]`, `[1][3]`, `[1, 3]`, `[1-3]`). Markers standing alone after a full stop (`… rose. [2]`) or opening the next
 * sentence belong to the sentence before them.
 */
export function citedSentences(answer: string): CitedSentence[] {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const sentences: CitedSentence[] = [];
  for (const { segment } of segmenter.segment(answer)) {
    const leading = leadingMarkers.exec(segment)?.[0] ?? '';
    const previous = sentences.at(-1);
    const rest = previous ? segment.slice(leading.length) : segment;
    if (previous && leading !== '')
      previous.citations = [...new Set([...previous.citations, ...markerNumbers(leading)])];
    const text = rest
      .replace(markerPattern, ' ')
      .replace(/\s+/g, ' ')
      .replace(/\s+([.,;:!?])/g, '$1')
      .trim();
    if (/[\p{L}\p{N}]/u.test(text)) sentences.push({ text, citations: markerNumbers(rest) });
  }
  return sentences;
}

function markerNumbers(text: string): number[] {
  const numbers: number[] = [];
  for (const match of text.matchAll(markerPattern)) {
    for (const part of (match[1] ?? '').split(/\s*[,;]\s*/)) {
      const [from, to = from] = part.split(/\s*[–-]\s*/).map(Number);
      if (from === undefined || to === undefined || to < from || to - from > 50) continue;
      for (let n = from; n <= to; n += 1) if (!numbers.includes(n)) numbers.push(n);
    }
  }
  return numbers;
}
