/** A numbered source an answer relies on. */
export interface Citation {
  /** The number the answer uses for it: `[n]`. */
  n: number;
  source: string;
  /** The collection of the cited document, when the answer searched several (an assistant's collections). */
  collection?: string;
  chunkId: string;
  documentId: string;
  title: string;
  headingPath: string[];
  text: string;
  startOffset: number;
  endOffset: number;
  page?: number;
  /** Codes of the warnings parsing raised for the cited document (e.g. `hidden_text`). Absent when none. */
  documentWarnings?: string[];
}

/**
 * How an answer was produced: `generative` when a chat model wrote it from the sources,
 * `extractive` when no model is configured and the answer is the most relevant passages themselves.
 */
export type AnswerMode = 'generative' | 'extractive';

/** An answer with the sources it cites. */
export interface Answer {
  answer: string;
  mode: AnswerMode;
  citations: Citation[];
  /** The question as it was searched and answered, when a follow-up was rewritten into a standalone question. */
  standaloneQuestion?: string;
  /**
   * URLs of links and images the model wrote that appear in none of the sources it was shown, removed from the
   * answer (and from its stream) so an answer cannot carry data out through a URL. Absent when none were removed.
   */
  removedLinks?: string[];
  /** The assistant version that answered, when the question named an assistant. */
  assistant?: { name: string; version: number };
}
