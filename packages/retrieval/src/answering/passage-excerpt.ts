import { contentTerms } from '@andes-rag/text-analysis';
import { cutToWords } from './cut-to-words.js';

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** How {@link passageExcerpt} trims a passage. */
export interface ExcerptOptions {
  /** Consecutive sentences to keep. */
  sentences: number;
  /** Words to keep at most (each CJK character counts as one); a longer excerpt is cut and ends with `…`. */
  maxWords: number;
}

/**
 * A few sentences of a passage for an extractive answer: heading lines and line breaks removed, then the run of
 * `sentences` consecutive sentences sharing the most content terms with the question (`contentTerms` of
 * `@andes-rag/text-analysis`, the analyser search uses; the earliest such run on a tie). Cut ends are marked with `…`.
 */
export function passageExcerpt(passage: string, question: string, options: ExcerptOptions): string {
  const prose = passage
    .replace(/^ {0,3}#{1,6}\s.*$/gm, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const sentences = [...sentenceSegmenter.segment(prose)]
    .map((segment) => segment.segment.trim())
    .filter((sentence) => sentence !== '');
  const questionTerms = contentTerms(question);
  const windowSize = Math.min(options.sentences, sentences.length);
  let bestStart = 0;
  let bestScore = -1;
  for (let start = 0; start + windowSize <= sentences.length; start += 1) {
    const windowTerms = contentTerms(sentences.slice(start, start + windowSize).join(' '));
    const score = [...questionTerms].filter((term) => windowTerms.has(term)).length;
    if (score > bestScore) {
      bestScore = score;
      bestStart = start;
    }
  }
  const excerpt = cutToWords(sentences.slice(bestStart, bestStart + windowSize).join(' '), options.maxWords);
  const before = bestStart > 0 ? '… ' : '';
  const after = excerpt.cut || bestStart + windowSize < sentences.length ? ' …' : '';
  return `${before}${excerpt.text}${after}`;
}
