import type { Answer, Hit } from '@andes-rag/core';
import { sourceLabel } from '../prompt/format-source.js';
import { hitToCitation } from './hit-to-citation.js';
import { passageExcerpt } from './passage-excerpt.js';

/** The label an extractive answer starts with, so no one mistakes it for a generated answer. */
export const extractiveAnswerLabel = 'Most relevant passages (no generation model configured):';

/** How an extractive answer is put together. */
export interface ExtractiveAnswerOptions {
  question: string;
  /** Retrieved chunks, best first; must not be empty. */
  hits: readonly Hit[];
  /** Passages to show. Default 3. */
  maxPassages?: number;
  /** Sentences per passage. Default 3. */
  sentencesPerPassage?: number;
  /** Words per passage at most. Default 80. */
  maxWordsPerPassage?: number;
}

/**
 * The answer without a chat model: the best passages themselves, each cut to a few sentences (those sharing the
 * most words with the question) and numbered `[n]` like the citations, under {@link extractiveAnswerLabel}.
 */
export function extractiveAnswer(options: ExtractiveAnswerOptions): Answer {
  const passages = options.hits.slice(0, options.maxPassages ?? 3);
  const excerptOptions = { sentences: options.sentencesPerPassage ?? 3, maxWords: options.maxWordsPerPassage ?? 80 };
  const lines = passages.map((hit, index) => {
    return `[${index + 1}] ${sourceLabel(hit)}: ${passageExcerpt(hit.text, options.question, excerptOptions)}`;
  });
  return {
    answer: [extractiveAnswerLabel, ...lines].join('\n\n'),
    mode: 'extractive',
    citations: passages.map((hit, index) => hitToCitation(hit, index + 1)),
  };
}
