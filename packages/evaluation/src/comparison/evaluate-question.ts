import { AndesError } from '@andes-rag/core';
import type { EvaluationQuestion } from '../dataset/evaluation-question.js';
import { rankDocuments } from '../matching/ranked-documents.js';
import { questionMetrics } from '../metrics/question-metrics.js';
import type { QuestionResult } from './comparison-result.js';
import type { RetrievalConfiguration } from './retrieval-configuration.js';

/**
 * Runs one question through one configuration, timing the retrieval call. A failed retrieval scores 0 and keeps
 * its message; a cancelled one (AndesError `aborted`) is rethrown.
 */
export async function evaluateQuestion(
  configuration: RetrievalConfiguration,
  question: EvaluationQuestion,
  depth: number,
): Promise<QuestionResult> {
  const started = performance.now();
  let error: string | undefined;
  let hits: Awaited<ReturnType<RetrievalConfiguration['retrieve']>> = [];
  try {
    hits = await configuration.retrieve(question.question);
  } catch (failure) {
    if (AndesError.isInstance(failure) && failure.code === 'aborted') throw failure;
    error = failure instanceof Error ? failure.message : String(failure);
  }
  const latencyMs = performance.now() - started;
  const documents = rankDocuments(hits, question.relevant);
  return {
    id: question.id,
    documents: documents.slice(0, depth).map((document) => document.source),
    latencyMs,
    ...questionMetrics(documents, question.relevant.length, depth),
    ...(error === undefined ? {} : { error }),
  };
}
