import { AndesError, type Answer, type ChatMessage, type Generation } from '@andes-rag/core';
import { validateText } from '../service/validate-text.js';
import type { ChatRequest, ChatResult } from './chat-request.js';

/** A chat request read as a question for the answer pipeline. */
export interface ChatQuestion {
  /** The last message, the user's question (validated). */
  question: string;
  /** The request's system messages, added after the answering instructions. */
  instructions: string[];
  /** The earlier user and assistant turns, oldest first. */
  history: ChatMessage[];
}

/**
 * Reads a chat request that answers from documents (`andes:<collection>` or an assistant): the last message is the
 * question, system messages are instructions, the other earlier messages the history.
 *
 * @throws AndesError `invalid_request` when the last message is not the user's (`answerer` names what answers, e.g.
 *   "a collection") or the question is empty or too long.
 */
export function readChatQuestion(request: ChatRequest, maxQuestionChars: number, answerer: string): ChatQuestion {
  const last = request.messages.at(-1);
  if (last?.role !== 'user') {
    throw new AndesError(
      'invalid_request',
      `To answer from ${answerer}, the last message must be the user’s question.`,
      {
        details: { param: 'messages' },
      },
    );
  }
  return {
    question: validateText('question', last.content, maxQuestionChars),
    instructions: request.messages.filter((message) => message.role === 'system').map((message) => message.content),
    history: request.messages.slice(0, -1).filter((message) => message.role !== 'system'),
  };
}

/** The chat result of a pipeline answer: its text, citations and condensed question, with the generation's usage. */
export function chatResultOf(model: string, answer: Answer, generation: Generation | undefined): ChatResult {
  return {
    model,
    text: answer.answer,
    finishReason: generation?.finishReason ?? 'stop',
    promptTokens: generation?.promptTokens ?? 0,
    completionTokens: generation?.completionTokens ?? 0,
    citations: answer.citations,
    ...(answer.standaloneQuestion === undefined ? {} : { standaloneQuestion: answer.standaloneQuestion }),
  };
}
