import type { AnswerEvaluation } from '../answers/answer-evaluation.js';
import type { ComparisonResult } from '../comparison/comparison-result.js';
import type { EvaluationDataset } from '../dataset/evaluation-question.js';
import type { GateResult } from '../gates/check-quality-gates.js';
import { reportId } from './report-id.js';

/** Identifies the JSON report format; bumped when a field changes meaning. */
export const evaluationReportFormat = { format: 'andes-evaluation-report', version: 1 } as const;

/** Everything one evaluation run found: the machine-readable report, and what the HTML page shows. */
export interface EvaluationReport {
  format: typeof evaluationReportFormat.format;
  version: typeof evaluationReportFormat.version;
  /** See `reportIdPattern`. */
  id: string;
  /** ISO-8601 time the run ended. */
  createdAt: string;
  /** Free-form facts about the run shown in the report (collection, data directory, models). */
  context: Record<string, string>;
  /** The dataset's questions, in order, with their relevant sources and reference answers. */
  questions: Array<{ id: string; question: string; relevant: string[]; answer?: string }>;
  retrieval: ComparisonResult;
  /** Present when answers were generated and graded. */
  answers?: AnswerEvaluation;
  /** `--fail-under` gates and their outcome; empty when none were set. */
  gates: GateResult[];
}

/** What {@link createEvaluationReport} assembles. */
export interface CreateEvaluationReportOptions {
  dataset: EvaluationDataset;
  retrieval: ComparisonResult;
  answers?: AnswerEvaluation;
  gates?: GateResult[];
  context?: Record<string, string>;
  /** Default: now. */
  createdAt?: Date;
}

/** Assembles a report with a fresh id from the dataset's name and the time. */
export function createEvaluationReport(options: CreateEvaluationReportOptions): EvaluationReport {
  const createdAt = options.createdAt ?? new Date();
  return {
    ...evaluationReportFormat,
    id: reportId(createdAt, options.dataset.name),
    createdAt: createdAt.toISOString(),
    context: options.context ?? {},
    questions: options.dataset.questions.map(({ id, question, relevant, answer }) => ({
      id,
      question,
      relevant,
      ...(answer === undefined ? {} : { answer }),
    })),
    retrieval: options.retrieval,
    ...(options.answers ? { answers: options.answers } : {}),
    gates: options.gates ?? [],
  };
}
