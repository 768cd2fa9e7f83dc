import { AndesError, type Generation } from '@andes/core';
import type { ChatRequest, ChatResult } from '../chat/chat-request.js';
import { resolveMaxTokens } from '../chat/resolve-max-tokens.js';
import type { AndesConfig } from '../config/andes-config.js';
import { withDeadline } from '../limits/with-deadline.js';
import { validateText } from '../service/validate-text.js';
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
  const last = request.messages.at(-1);
  if (last?.role !== 'user') {
    throw new AndesError('invalid_request', 'To answer with an assistant, the last message must be the user’s question.', {
      details: { param: 'messages' },
    });
  }
  const question = validateText('question', last.content, config.maxQuestionChars);
  const instructions = request.messages.filter((message) => message.role === 'system').map((message) => message.content);
  const history = request.messages.slice(0, -1).filter((message) => message.role !== 'system');
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
  return {
    model: request.model,
    text: answer.answer,
    finishReason: generation?.finishReason ?? 'stop',
    promptTokens: generation?.promptTokens ?? 0,
    completionTokens: generation?.completionTokens ?? 0,
    citations: answer.citations,
    ...(answer.standaloneQuestion === undefined ? {} : { standaloneQuestion: answer.standaloneQuestion }),
    ...(answer.assistant === undefined ? {} : { assistant: answer.assistant }),
  };
}
