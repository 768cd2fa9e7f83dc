import type { QuestionMetrics } from '../metrics/question-metrics.js';
import type { SkippedConfiguration } from './retrieval-configuration.js';

/** One question's outcome under one configuration. */
export interface QuestionResult extends QuestionMetrics {
  /** The question's id in the dataset. */
  id: string;
  /** Sources of the first `depth` distinct documents retrieved, best first. */
  documents: string[];
  /** Wall time of the retrieval call, in milliseconds. */
  latencyMs: number;
  /** The error message when retrieval failed; the question then scores 0. */
  error?: string;
}

/** Means over all questions of one configuration. */
export interface RetrievalSummary {
  /** Share of questions with a relevant document among the first k. */
  hitAtK: number;
  /** Mean recall@k. */
  recallAtK: number;
  /** Mean reciprocal rank, cut at 10 documents. */
  mrrAt10: number;
  /** Mean nDCG@10. */
  ndcgAt10: number;
  /** Mean recall@1 … recall@depth. */
  recallCurve: number[];
  /** Mean hit@1 … hit@depth. */
  hitCurve: number[];
  /** Questions whose retrieval failed. */
  errors: number;
}

/** Retrieval latency of one configuration, in milliseconds (nearest-rank percentiles). */
export interface LatencySummary {
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
}

/** How a configuration fared against the baseline, question by question (by reciprocal rank). */
export interface WinsAndLosses {
  /** The baseline configuration's name. */
  baseline: string;
  /** Questions where this configuration ranked the first relevant document higher. */
  wins: number;
  losses: number;
  ties: number;
  /**
   * Two-sided exact sign test over the questions that differ (ties left out): the chance of a split between wins
   * and losses at least this uneven if neither configuration were better. Small (e.g. below 0.05) means the
   * difference is unlikely to be luck of the question set.
   */
  signTestP: number;
  /** Per question (dataset order): this configuration's reciprocal rank minus the baseline's. */
  deltas: Array<{ id: string; delta: number }>;
}

/** Everything measured for one configuration. */
export interface ConfigurationResult {
  name: string;
  description?: string;
  /** 1 = best by MRR@10 (ties: nDCG@10, then recall@k). */
  rank: number;
  summary: RetrievalSummary;
  latency: LatencySummary;
  /** Per question, in dataset order. */
  questions: QuestionResult[];
  /** Against the baseline; absent for the baseline itself. */
  versusBaseline?: WinsAndLosses;
}

/** The outcome of {@link compareConfigurations}. */
export interface ComparisonResult {
  dataset: { name: string; questionCount: number };
  /** The k of hit@k and recall@k, in documents. */
  k: number;
  /** Curve length: max(k, 10) documents. */
  depth: number;
  /** Name of the configuration every other one is compared with. */
  baseline: string;
  /** Best first. */
  configurations: ConfigurationResult[];
  skipped: SkippedConfiguration[];
}
