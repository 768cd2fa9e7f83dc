import { percentile } from '../metrics/percentile.js';
import type { LatencySummary, QuestionResult, RetrievalSummary, WinsAndLosses } from './comparison-result.js';
import { signTestPValue } from './sign-test.js';

/** Means of every metric over the questions, with hit@k and recall@k read off the curves at `k`. */
export function summarizeRetrieval(questions: readonly QuestionResult[], k: number): RetrievalSummary {
  const mean = (pick: (question: QuestionResult) => number) =>
    questions.length === 0 ? 0 : questions.reduce((sum, question) => sum + pick(question), 0) / questions.length;
  const depth = questions[0]?.recallCurve.length ?? 0;
  const curve = (pick: (question: QuestionResult) => number[]) =>
    Array.from({ length: depth }, (_unused, index) => mean((question) => pick(question)[index] ?? 0));
  const recallCurve = curve((question) => question.recallCurve);
  const hitCurve = curve((question) => question.hitCurve);
  return {
    hitAtK: hitCurve[k - 1] ?? 0,
    recallAtK: recallCurve[k - 1] ?? 0,
    mrrAt10: mean((question) => question.reciprocalRank),
    ndcgAt10: mean((question) => question.ndcg),
    recallCurve,
    hitCurve,
    errors: questions.filter((question) => question.error !== undefined).length,
  };
}

/** p50, p95 and mean retrieval time. */
export function summarizeLatency(questions: readonly QuestionResult[]): LatencySummary {
  const times = questions.map((question) => question.latencyMs);
  const meanMs = times.length === 0 ? 0 : times.reduce((sum, time) => sum + time, 0) / times.length;
  return { p50Ms: percentile(times, 0.5), p95Ms: percentile(times, 0.95), meanMs };
}

/** Question-by-question reciprocal-rank differences between `candidate` and `baseline` (same dataset order). */
export function winsAndLosses(
  candidate: readonly QuestionResult[],
  baseline: readonly QuestionResult[],
  baselineName: string,
): WinsAndLosses {
  const deltas = candidate.map((question, index) => ({
    id: question.id,
    delta: question.reciprocalRank - (baseline[index]?.reciprocalRank ?? 0),
  }));
  const epsilon = 1e-12;
  const wins = deltas.filter(({ delta }) => delta > epsilon).length;
  const losses = deltas.filter(({ delta }) => delta < -epsilon).length;
  const ties = deltas.length - wins - losses;
  return { baseline: baselineName, wins, losses, ties, signTestP: signTestPValue(wins, losses), deltas };
}
