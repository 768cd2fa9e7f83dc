import type { Generation } from '@andes-rag/core';
import { answerFromCollection, type CollectionAnswerer } from '../service/answer-from-collection.js';
import { chatResultOf, readChatQuestion } from './answer-chat-parts.js';
import type { ChatRequest, ChatResult } from './chat-request.js';

/** What {@link retrievalChat} runs. */
export interface RetrievalChatOptions {
  /** The one answer pipeline's parts; without a chat model the answer is extractive, as for `ask`. */
  answerer: CollectionAnswerer;
  collection: string;
  request: ChatRequest;
  /** Sources retrieved for the prompt (`config.answerSources`). */
  sources: number;
  /** Longest question accepted (`config.maxQuestionChars`). */
  maxQuestionChars: number;
  /** The request's signal joined with its deadline. */
  signal: AbortSignal;
}

/**
 * Answers the conversation's last user message from a collection through the same pipeline as `ask`
 * ({@link answerFromCollection}): the earlier user and assistant turns are the history (a follow-up is condensed
 * with them, and they stay in the prompt), the request's system messages are added to Andes's answering
 * instructions, and an off-topic question gets the same "not covered" answer with no citation.
 *
 * @throws AndesError `invalid_request` when the last message is not the user's, `collection_not_found`,
 *   `context_overflow`, and whatever the chat model throws.
 */
export async function retrievalChat(options: RetrievalChatOptions): Promise<ChatResult> {
  const { request, signal } = options;
  const { question, instructions, history } = readChatQuestion(request, options.maxQuestionChars, 'a collection');
  let generation: Generation | undefined;
  const { maxTokens: _ignored, ...settings } = request.generation ?? {};
  const answer = await answerFromCollection(options.answerer, {
    collection: options.collection,
    question,
    k: options.sources,
    history,
    instructions,
    generation: settings,
    signal,
    onGeneration: (result) => (generation = result),
    ...(request.onTextChunk === undefined ? {} : { onTextChunk: request.onTextChunk }),
    ...(request.filter === undefined ? {} : { filter: request.filter }),
  });
  return chatResultOf(request.model, answer, generation);
}
