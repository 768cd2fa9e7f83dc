import type { ChatModel } from '@andes-rag/core';
import { percentile } from '../metrics/percentile.js';
import { modelJudgedLabel, type AnswerEvaluation, type AnswerQuestionResult } from './answer-evaluation.js';

/** Totals and means of per-question answer results (citation pairs micro-averaged; judged grades averaged). */
export function summarizeAnswers(
  results: AnswerQuestionResult[],
  threshold: number,
  judge: ChatModel | undefined,
): AnswerEvaluation {
  const total = (pick: (result: AnswerQuestionResult) => number) =>
    results.reduce((sum, result) => sum + pick(result), 0);
  const citations = total((result) => result.citationCheck.citations);
  const supported = total((result) => result.citationCheck.supported);
  const sentences = total((result) => result.citationCheck.sentences);
  const evaluation: AnswerEvaluation = {
    questions: results,
    citationPrecision: {
      value: citations === 0 ? null : supported / citations,
      supported,
      citations,
      method: 'lexical-overlap',
      threshold,
    },
    citedSentenceShare: sentences === 0 ? null : total((result) => result.citationCheck.citedSentences) / sentences,
    latency: {
      p50Ms: percentile(
        results.map((result) => result.latencyMs),
        0.5,
      ),
      p95Ms: percentile(
        results.map((result) => result.latencyMs),
        0.95,
      ),
    },
  };
  if (!judge) return evaluation;
  const grades = (pick: (judged: NonNullable<AnswerQuestionResult['judged']>) => number | null) =>
    results.flatMap((result) => (result.judged ? [pick(result.judged)] : []));
  const faithfulness = grades((judged) => judged.faithfulness);
  const relevance = grades((judged) => judged.answerRelevance);
  const mean = (values: Array<number | null>) => {
    const numbers = values.filter((value): value is number => value !== null);
    return numbers.length === 0 ? null : numbers.reduce((sum, value) => sum + value, 0) / numbers.length;
  };
  const all = [...faithfulness, ...relevance];
  evaluation.modelJudged = {
    label: modelJudgedLabel,
    judge: judge.id,
    faithfulness: mean(faithfulness),
    answerRelevance: mean(relevance),
    graded: all.filter((value) => value !== null).length,
    ungraded: all.filter((value) => value === null).length,
  };
  return evaluation;
}
