import type { Citation } from '@andes-rag/core';
import { citedSentences } from './cited-sentences.js';
import { contentWords } from './content-words.js';

/** Default share of a sentence's content words that a cited chunk must contain to support it. */
export const defaultSupportThreshold = 0.5;

/** Citation precision of one answer. */
export interface CitationCheck {
  /** Sentences in the answer. */
  sentences: number;
  /** Sentences citing at least one source. */
  citedSentences: number;
  /** (sentence, cited source) pairs checked. */
  citations: number;
  /** Pairs whose cited chunk supports the sentence. */
  supported: number;
  /** supported / citations, or null when the answer cites nothing. */
  precision: number | null;
}

/**
 * For every sentence that cites `[n]`, does chunk n support it? Lexical: the sentence's content words (see
 * `contentWords`) are looked up in the cited chunk's text, and the pair counts as supported when at least
 * `threshold` of them occur there. A number with no citation behind it is unsupported. Sentences with no content
 * words are not checked.
 */
export function checkCitations(
  answer: string,
  citations: readonly Citation[],
  threshold = defaultSupportThreshold,
): CitationCheck {
  const sentences = citedSentences(answer);
  const chunkWords = new Map(citations.map((citation) => [citation.n, contentWords(citation.text)]));
  let checked = 0;
  let supported = 0;
  for (const sentence of sentences) {
    const words = [...contentWords(sentence.text)];
    if (words.length === 0) continue;
    for (const n of sentence.citations) {
      checked += 1;
      const source = chunkWords.get(n);
      const overlap = source ? words.filter((word) => source.has(word)).length / words.length : 0;
      if (overlap >= threshold) supported += 1;
    }
  }
  return {
    sentences: sentences.length,
    citedSentences: sentences.filter((sentence) => sentence.citations.length > 0).length,
    citations: checked,
    supported,
    precision: checked === 0 ? null : supported / checked,
  };
}
