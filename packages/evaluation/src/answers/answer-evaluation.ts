import type { AnswerMode } from '@andes-rag/core';

/** Label every model-judged number carries in reports. */
export const modelJudgedLabel = 'model-judged';

/** One question's answer and how it was graded. */
export interface AnswerQuestionResult {
  id: string;
  answer: string;
  mode: AnswerMode;
  /** Sources of the answer's citations, by number. */
  citations: Array<{ n: number; source: string }>;
  /** Lexical citation check (see `checkCitations`). */
  citationCheck: {
    sentences: number;
    citedSentences: number;
    citations: number;
    supported: number;
    precision: number | null;
  };
  /** Model-judged grades from 0 to 1 (null when the judge wrote no grade); absent without a judge. */
  judged?: {
    faithfulness: number | null;
    answerRelevance: number | null;
    outputs: { faithfulness: string; answerRelevance: string };
  };
  /** Time to produce the answer, in milliseconds. */
  latencyMs: number;
  /** Set when answering or judging failed. */
  error?: string;
}

/** Answer-level metrics over a dataset. */
export interface AnswerEvaluation {
  questions: AnswerQuestionResult[];
  /** Supported (sentence, citation) pairs over all pairs of all answers: a micro-average; null when nothing cites. */
  citationPrecision: {
    value: number | null;
    supported: number;
    citations: number;
    method: 'lexical-overlap';
    threshold: number;
  };
  /** Sentences citing a source over all sentences (micro-average), or null without sentences. */
  citedSentenceShare: number | null;
  /** Present when a judge model graded the answers. Its numbers are the judge's opinion, not measurements. */
  modelJudged?: {
    label: typeof modelJudgedLabel;
    /** The judge model's id. */
    judge: string;
    /** Mean faithfulness grade over the answers the judge graded, or null when it graded none. */
    faithfulness: number | null;
    /** Mean answer-relevance grade, or null. */
    answerRelevance: number | null;
    /** Grades the judge wrote, and outputs with no grade in them. */
    graded: number;
    ungraded: number;
  };
  /** Answer latency, in milliseconds. */
  latency: { p50Ms: number; p95Ms: number };
}
