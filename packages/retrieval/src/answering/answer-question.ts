import type { Answer, ChatModel, Citation, Hit } from '@andes-rag/core';
import { throwIfAborted } from '../cancellation/throw-if-aborted.js';
import { extractiveAnswer } from './extractive-answer.js';
import { generativeAnswer } from './generative-answer.js';
import { notCovered } from './no-answer.js';

/** What {@link answerQuestion} needs. */
export interface AnswerQuestionOptions {
  question: string;
  /** Retrieved chunks, best first. */
  hits: readonly Hit[];
  /** The model that writes the answer. Without one the answer is extractive. */
  chatModel?: ChatModel;
  /** Tokens the generated answer may take; also kept free in the context window. Default 512. */
  maxAnswerTokens?: number;
  /** Instructions for the chat model. Default: `defaultAnswerSystemPrompt`. */
  systemPrompt?: string;
  /** Sampling temperature for the chat model; 0 is greedy. Default: the model's. */
  temperature?: number;
  /** Sampler seed for reproducible answers. Default: the model's. */
  seed?: number;
  /** Cancels generation (AndesError `aborted`). */
  signal?: AbortSignal;
  /** Receives the answer text: piece by piece as it is generated, or once for an extractive answer. */
  onTextChunk?: (text: string) => void;
  /**
   * Receives the sources once, before the first text chunk: every source the answer may cite, numbered as it cites
   * them (generative: the sources that fit the prompt; extractive: the passages shown; "not covered": none). The
   * answer's `citations` are these same objects, or the subset the generated text cites. Default: none.
   */
  onCitations?: (citations: Citation[]) => void;
  /** Extractive mode: passages to show. Default 3. */
  maxPassages?: number;
}

/**
 * Answers a question from retrieved chunks, with numbered citations. With a chat model the answer is generated
 * from the sources that fit its context (`mode: 'generative'`); without one it is the most relevant passages,
 * labelled as such (`mode: 'extractive'`). With no hits the answer says the documents do not cover the
 * question and cites nothing; its mode still says which path is configured.
 *
 * @throws AndesError `aborted`, `context_overflow`, `invalid_request`, or the chat model's `model_error`.
 */
export async function answerQuestion(options: AnswerQuestionOptions): Promise<Answer> {
  const { chatModel, hits, onTextChunk, onCitations, signal } = options;
  throwIfAborted(signal);
  if (hits.length === 0) {
    onCitations?.([]);
    return notCovered(chatModel ? 'generative' : 'extractive', onTextChunk);
  }
  if (!chatModel) {
    const answer = extractiveAnswer({
      question: options.question,
      hits,
      ...(options.maxPassages === undefined ? {} : { maxPassages: options.maxPassages }),
    });
    onCitations?.(answer.citations);
    onTextChunk?.(answer.answer);
    return answer;
  }
  return generativeAnswer({
    question: options.question,
    hits,
    chatModel,
    maxAnswerTokens: options.maxAnswerTokens ?? 512,
    ...(options.systemPrompt === undefined ? {} : { systemPrompt: options.systemPrompt }),
    ...(onCitations === undefined ? {} : { onCitations }),
    generation: {
      ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(signal === undefined ? {} : { signal }),
      ...(onTextChunk === undefined ? {} : { onTextChunk }),
    },
  });
}
