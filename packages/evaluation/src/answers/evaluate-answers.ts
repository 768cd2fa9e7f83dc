import { AndesError, type Answer, type ChatModel } from '@andes-rag/core';
import type { EvaluationDataset, EvaluationQuestion } from '../dataset/evaluation-question.js';
import type { AnswerEvaluation, AnswerQuestionResult } from './answer-evaluation.js';
import { summarizeAnswers } from './summarize-answers.js';
import { checkCitations, defaultSupportThreshold } from './citation-precision.js';
import { judgeAnswer } from './model-judge.js';

/** Options for {@link evaluateAnswers}. */
export interface EvaluateAnswersOptions {
  dataset: EvaluationDataset;
  /** Answers one question with citations (e.g. the runtime's `ask`). */
  answer: (question: string) => Promise<Answer>;
  /** A local chat model that grades faithfulness and answer relevance. Default: none (no model-judged metrics). */
  judge?: ChatModel;
  /** Share of a sentence's content words a cited chunk must contain. Default {@link defaultSupportThreshold} (0.5). */
  supportThreshold?: number;
  /** Called after each question. */
  onProgress?: (progress: { done: number; total: number }) => void;
  /** Cancels between and during questions (AndesError `aborted`). */
  signal?: AbortSignal;
}

/**
 * Answers every question and grades the answers: citation precision by lexical overlap always, faithfulness and
 * answer relevance by the judge model when one is given (labelled `model-judged`). A question whose
 * answering or judging fails keeps the error and is left out of the means.
 */
export async function evaluateAnswers(options: EvaluateAnswersOptions): Promise<AnswerEvaluation> {
  const threshold = options.supportThreshold ?? defaultSupportThreshold;
  const results: AnswerQuestionResult[] = [];
  for (const [index, question] of options.dataset.questions.entries()) {
    if (options.signal?.aborted) throw new AndesError('aborted', 'The evaluation was cancelled.');
    results.push(await evaluateOne(options, question, threshold));
    options.onProgress?.({ done: index + 1, total: options.dataset.questions.length });
  }
  return summarizeAnswers(results, threshold, options.judge);
}

async function evaluateOne(
  options: EvaluateAnswersOptions,
  question: EvaluationQuestion,
  threshold: number,
): Promise<AnswerQuestionResult> {
  const started = performance.now();
  let answer: Answer = { answer: '', mode: 'extractive', citations: [] };
  try {
    answer = await options.answer(question.question);
    const latencyMs = performance.now() - started;
    const result: AnswerQuestionResult = {
      id: question.id,
      answer: answer.answer,
      mode: answer.mode,
      citations: answer.citations.map(({ n, source }) => ({ n, source })),
      citationCheck: checkCitations(answer.answer, answer.citations, threshold),
      latencyMs,
    };
    if (!options.judge) return result;
    const judged = await judgeAnswer({
      model: options.judge,
      question: question.question,
      answer: answer.answer,
      citations: answer.citations,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const outputs = { faithfulness: judged.faithfulness.output, answerRelevance: judged.answerRelevance.output };
    return {
      ...result,
      judged: { faithfulness: judged.faithfulness.score, answerRelevance: judged.answerRelevance.score, outputs },
    };
  } catch (error) {
    if (AndesError.isInstance(error) && error.code === 'aborted') throw error;
    return {
      id: question.id,
      answer: answer.answer,
      mode: answer.mode,
      citations: [],
      citationCheck: { sentences: 0, citedSentences: 0, citations: 0, supported: 0, precision: null },
      latencyMs: performance.now() - started,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}
