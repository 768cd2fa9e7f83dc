import { AndesError } from '@andes-rag/core';
import type { EvaluationDataset } from '../dataset/evaluation-question.js';
import { rankCutoff } from '../metrics/question-metrics.js';
import type { ComparisonResult, ConfigurationResult, QuestionResult } from './comparison-result.js';
import { evaluateQuestion } from './evaluate-question.js';
import { isSkipped, type RetrievalConfiguration, type SkippedConfiguration } from './retrieval-configuration.js';
import { summarizeLatency, summarizeRetrieval, winsAndLosses } from './summarize-results.js';

/** Options for {@link compareConfigurations}. */
export interface CompareConfigurationsOptions {
  dataset: EvaluationDataset;
  /** Configurations to run, and skipped ones to list. At least one must run; names must be unique. */
  configurations: ReadonlyArray<RetrievalConfiguration | SkippedConfiguration>;
  /** The k of hit@k and recall@k, in documents. Default 10. */
  k?: number;
  /** Which configuration the others are compared with, question by question. Default: the first that runs. */
  baseline?: string;
  /** Called after each question with how many of them are done. */
  onProgress?: (progress: { done: number; total: number }) => void;
  /** Stops between questions (AndesError `aborted`). */
  signal?: AbortSignal;
}

/**
 * Runs every question through every configuration and ranks the configurations, best first by MRR@10 (ties:
 * nDCG@10, then recall@k). Questions run one at a time, each through all configurations in turn, so a slow
 * moment of a shared machine hits every configuration alike; each configuration first answers one untimed
 * warm-up question (caches, lazily loaded indexes).
 *
 * @throws AndesError `invalid_request` for a bad k, duplicate names, an unknown baseline or nothing to run.
 */
export async function compareConfigurations(options: CompareConfigurationsOptions): Promise<ComparisonResult> {
  const { dataset, signal } = options;
  const k = options.k ?? 10;
  if (!Number.isInteger(k) || k < 1) throw new AndesError('invalid_request', `k must be a positive integer, got ${k}.`);
  const running = options.configurations.filter(
    (configuration) => !isSkipped(configuration),
  ) as RetrievalConfiguration[];
  const skipped = options.configurations.filter(isSkipped) as SkippedConfiguration[];
  assertNames(options.configurations.map((configuration) => configuration.name));
  const baseline = options.baseline ?? running[0]?.name;
  if (baseline === undefined) throw new AndesError('invalid_request', 'No retrieval configuration to run.');
  if (!running.some((configuration) => configuration.name === baseline)) {
    throw new AndesError('invalid_request', `The baseline "${baseline}" is not one of the configurations that run.`);
  }
  const depth = Math.max(k, rankCutoff);
  const firstQuestion = dataset.questions[0];
  if (firstQuestion)
    for (const configuration of running) await configuration.retrieve(firstQuestion.question).catch(() => []);

  const perConfiguration = running.map((): QuestionResult[] => []);
  for (const [index, question] of dataset.questions.entries()) {
    if (signal?.aborted) throw new AndesError('aborted', 'The evaluation was cancelled.');
    for (const [position, configuration] of running.entries()) {
      perConfiguration[position]?.push(await evaluateQuestion(configuration, question, depth));
    }
    options.onProgress?.({ done: index + 1, total: dataset.questions.length });
  }
  const baselineQuestions =
    perConfiguration[running.findIndex((configuration) => configuration.name === baseline)] ?? [];
  const results = running.map((configuration, position): ConfigurationResult => {
    const questions = perConfiguration[position] ?? [];
    return {
      name: configuration.name,
      ...(configuration.description === undefined ? {} : { description: configuration.description }),
      rank: 0,
      summary: summarizeRetrieval(questions, k),
      latency: summarizeLatency(questions),
      questions,
      ...(configuration.name === baseline
        ? {}
        : { versusBaseline: winsAndLosses(questions, baselineQuestions, baseline) }),
    };
  });
  results.sort(byQuality).forEach((result, index) => (result.rank = index + 1));
  return {
    dataset: { name: dataset.name, questionCount: dataset.questions.length },
    k,
    depth,
    baseline,
    configurations: results,
    skipped,
  };
}

function byQuality(left: ConfigurationResult, right: ConfigurationResult): number {
  const keys = (result: ConfigurationResult) => [
    result.summary.mrrAt10,
    result.summary.ndcgAt10,
    result.summary.recallAtK,
  ];
  const [leftKeys, rightKeys] = [keys(left), keys(right)];
  for (const [index, value] of leftKeys.entries()) {
    const difference = (rightKeys[index] ?? 0) - value;
    if (Math.abs(difference) > 1e-12) return difference;
  }
  return 0;
}

function assertNames(names: readonly string[]): void {
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== undefined) throw new AndesError('invalid_request', `Two configurations are named "${duplicate}".`);
}
