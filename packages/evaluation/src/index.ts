export {
  evaluationQuestionLineSchema,
  type EvaluationDataset,
  type EvaluationQuestion,
} from './dataset/evaluation-question.js';
export { parseEvaluationDataset, type ParseDatasetOptions } from './dataset/parse-dataset.js';
export { loadEvaluationDataset } from './dataset/load-dataset.js';
export { sourceMatches } from './matching/source-matches.js';
export { rankDocuments, type RankedDocument } from './matching/ranked-documents.js';
export { questionMetrics, rankCutoff, type QuestionMetrics } from './metrics/question-metrics.js';
export { percentile } from './metrics/percentile.js';
export {
  isSkipped,
  type RetrievalConfiguration,
  type RetrievedChunk,
  type SkippedConfiguration,
} from './comparison/retrieval-configuration.js';
export type {
  ComparisonResult,
  ConfigurationResult,
  LatencySummary,
  QuestionResult,
  RetrievalSummary,
  WinsAndLosses,
} from './comparison/comparison-result.js';
export { compareConfigurations, type CompareConfigurationsOptions } from './comparison/compare-configurations.js';
export { signTestPValue } from './comparison/sign-test.js';
export { formatPValue } from './report/format-p-value.js';
export { gateMetricNames, isAnswerMetric, parseQualityGate, type QualityGate } from './gates/quality-gate.js';
export { checkQualityGates, type GateResult } from './gates/check-quality-gates.js';
export { contentWords } from './answers/content-words.js';
export { citedSentences, type CitedSentence } from './answers/cited-sentences.js';
export { checkCitations, defaultSupportThreshold, type CitationCheck } from './answers/citation-precision.js';
export { judgeAnswer, type JudgeAnswerOptions, type JudgedGrade } from './answers/model-judge.js';
export { parseGrade } from './answers/judge-prompts.js';
export { modelJudgedLabel, type AnswerEvaluation, type AnswerQuestionResult } from './answers/answer-evaluation.js';
export { evaluateAnswers, type EvaluateAnswersOptions } from './answers/evaluate-answers.js';
export {
  createEvaluationReport,
  evaluationReportFormat,
  type CreateEvaluationReportOptions,
  type EvaluationReport,
} from './report/evaluation-report.js';
export { isReportId, reportId, reportIdPattern } from './report/report-id.js';
export { writeEvaluationReport, type WrittenReport } from './report/write-report.js';
export { renderHtmlReport } from './report/html/render-html-report.js';
export { formatComparisonTable } from './report/text/format-comparison-table.js';
export {
  promptInjectionAttacks,
  renderAttack,
  type AttackGoal,
  type PromptInjectionAttack,
} from './attacks/prompt-injection-attacks.js';
export {
  attackCallerPrincipals,
  attackCorpus,
  attackQuestion,
  restrictedCanary,
  type AttackDocument,
} from './attacks/attack-corpus.js';
export { checkAttackRules, urlsIn, type AttackedAnswer, type AttackRules } from './attacks/check-attack-rules.js';
export {
  runAttacks,
  type AttackAnswerer,
  type AttackReport,
  type AttackResult,
  type RunAttacksOptions,
} from './attacks/run-attacks.js';
export { formatAttackReport } from './attacks/format-attack-report.js';
