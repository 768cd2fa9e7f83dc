import { AndesError, type Generation } from '@andes-rag/core';
import { chatResultOf, readChatQuestion } from '../chat/answer-chat-parts.js';
import type { ChatRequest, ChatResult } from '../chat/chat-request.js';
import { resolveMaxTokens } from '../chat/resolve-max-tokens.js';
import type { AndesConfig } from '../config/andes-config.js';
import { withDeadline } from '../limits/with-deadline.js';
import type { TargetAnswer, TargetQuestion } from './answer-for-target.js';

/** What {@link assistantChat} needs. */
export interface AssistantChatParts {
  config: AndesConfig;
  /** The one answer pipeline, bound to the assistant's live version. */
  answer: (question: TargetQuestion) => Promise<TargetAnswer>;
}

/**
 * A chat request whose model is an assistant's name, answered like `andes:<collection>` (see `chat/retrieval-chat.ts`)
 * but with the assistant's live version: the last message is the question, earlier user and assistant turns the
 * history, system messages are added after the assistant's own prompt. The result names the version that answered.
 *
 * @throws AndesError `invalid_request` when the last message is not the user's, and whatever answering throws.
 */
export async function assistantChat(parts: AssistantChatParts, request: ChatRequest): Promise<ChatResult> {
  const { config } = parts;
  if (request.generation?.tools?.length) {
    throw new AndesError('invalid_request', 'Tools apply to the chat model, not to an assistant model.', {
      details: { param: 'tools' },
    });
  }
  const { question, instructions, history } = readChatQuestion(request, config.maxQuestionChars, 'an assistant');
  const maxAnswerTokens = resolveMaxTokens(request.generation?.maxTokens, config.maxAnswerTokens);
  const { maxTokens: _ignored, ...settings } = request.generation ?? {};
  let generation: Generation | undefined;
  const { answer } = await withDeadline(config.requestTimeoutMs, request.signal, (signal) =>
    parts.answer({
      question,
      history,
      instructions,
      generation: settings,
      maxAnswerTokens,
      signal,
      onGeneration: (result) => (generation = result),
      ...(request.onTextChunk === undefined ? {} : { onTextChunk: request.onTextChunk }),
      ...(request.filter === undefined ? {} : { filter: request.filter }),
    }),
  );
  const result = chatResultOf(request.model, answer, generation);
  return answer.assistant === undefined ? result : { ...result, assistant: answer.assistant };
}
