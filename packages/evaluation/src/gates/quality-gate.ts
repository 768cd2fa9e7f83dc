import { AndesError } from '@andes-rag/core';

/** Metrics a gate can name besides `hit@N` and `recall@N`. */
export const gateMetricNames = ['mrr@10', 'ndcg@10', 'citation-precision', 'faithfulness', 'answer-relevance'] as const;

/** A minimum a metric must reach, as given to `--fail-under METRIC=VALUE`. */
export interface QualityGate {
  /** Lower-case metric name: `hit@N`, `recall@N`, or one of {@link gateMetricNames}. */
  metric: string;
  /** The lowest passing value, from 0 to 1. */
  minimum: number;
}

/**
 * Reads `METRIC=VALUE`, e.g. `mrr@10=0.5` or `recall@5=0.8` (case-insensitive, value from 0 to 1).
 *
 * @throws AndesError `invalid_request` naming what is wrong.
 */
export function parseQualityGate(text: string): QualityGate {
  const match = /^\s*([a-z@0-9-]+)\s*=\s*([0-9]*\.?[0-9]+)\s*$/i.exec(text);
  const metric = match?.[1]?.toLowerCase();
  const minimum = Number(match?.[2]);
  if (metric === undefined || !Number.isFinite(minimum)) {
    throw new AndesError('invalid_request', `Expected METRIC=VALUE (e.g. mrr@10=0.5), got "${text}".`);
  }
  if (!isGateMetric(metric)) {
    throw new AndesError(
      'invalid_request',
      `Unknown metric "${metric}": use hit@N, recall@N, ${gateMetricNames.join(', ')}.`,
    );
  }
  if (minimum > 1) throw new AndesError('invalid_request', `A gate's value is a fraction from 0 to 1, got ${minimum}.`);
  return { metric, minimum };
}

/** True when a gate's metric is about generated answers (needs answer evaluation). */
export function isAnswerMetric(metric: string): boolean {
  return metric === 'citation-precision' || metric === 'faithfulness' || metric === 'answer-relevance';
}

function isGateMetric(metric: string): boolean {
  return /^(hit|recall)@[1-9][0-9]*$/.test(metric) || (gateMetricNames as readonly string[]).includes(metric);
}
