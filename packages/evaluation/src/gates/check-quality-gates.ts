import type { AnswerEvaluation } from '../answers/answer-evaluation.js';
import type { ConfigurationResult } from '../comparison/comparison-result.js';
import type { QualityGate } from './quality-gate.js';

/** A gate's outcome. */
export interface GateResult extends QualityGate {
  /** The configuration it was checked on (the baseline). */
  configuration: string;
  /** The measured value, or null when it was not measured (then the gate fails). */
  actual: number | null;
  passed: boolean;
}

/**
 * Checks each gate against the baseline configuration's retrieval metrics and, for answer metrics, against the
 * answer evaluation. A metric that was not measured (no answer evaluation, `recall@N` beyond the curve, no
 * citation at all) fails its gate.
 */
export function checkQualityGates(
  gates: readonly QualityGate[],
  baseline: ConfigurationResult,
  answers?: AnswerEvaluation,
): GateResult[] {
  return gates.map((gate) => {
    const actual = metricValue(gate.metric, baseline, answers);
    return { ...gate, configuration: baseline.name, actual, passed: actual !== null && actual >= gate.minimum - 1e-12 };
  });
}

function metricValue(
  metric: string,
  baseline: ConfigurationResult,
  answers: AnswerEvaluation | undefined,
): number | null {
  const { summary } = baseline;
  const cutoff = /^(hit|recall)@(\d+)$/.exec(metric);
  if (cutoff) {
    const curve = cutoff[1] === 'hit' ? summary.hitCurve : summary.recallCurve;
    return curve[Number(cutoff[2]) - 1] ?? null;
  }
  switch (metric) {
    case 'mrr@10':
      return summary.mrrAt10;
    case 'ndcg@10':
      return summary.ndcgAt10;
    case 'citation-precision':
      return answers?.citationPrecision.value ?? null;
    case 'faithfulness':
      return answers?.modelJudged?.faithfulness ?? null;
    case 'answer-relevance':
      return answers?.modelJudged?.answerRelevance ?? null;
    default:
      return null;
  }
}
