import type { ChatMessage, ChatModel, GenerateOptions, Generation } from '@andes-rag/core';
import { templateTokensPerMessage } from './trim-history.js';

/** What {@link conversationChatModel} adds to a chat model. */
export interface ConversationOptions {
  /** Earlier turns (user and assistant), oldest first, put between the instructions and the final message. */
  history: readonly ChatMessage[];
  /** Generation settings applied to every call (sampling, stop sequences, ...); the caller's own options win. */
  generation?: Omit<GenerateOptions, 'signal' | 'onTextChunk' | 'maxTokens'>;
  /** Receives every generation's result, for usage counts and the finish reason. */
  onGeneration?: (generation: Generation) => void;
}

/**
 * A view of `inner` for prompts built elsewhere (the answer prompt of `@andes-rag/retrieval`) that must carry a
 * conversation: `generate` inserts `history` after the first (system) message, and `contextSize` is smaller by the
 * history's tokens, so the prompt builder drops sources to leave room for it. Disposing the view does nothing.
 */
export function conversationChatModel(inner: ChatModel, options: ConversationOptions): ChatModel {
  const historyTokens = options.history.reduce(
    (sum, message) => sum + inner.countTokens(message.content) + templateTokensPerMessage,
    0,
  );
  return {
    id: inner.id,
    contextSize: Math.max(0, inner.contextSize - historyTokens),
    countTokens: (text) => inner.countTokens(text),
    async generate(messages, generateOptions = {}) {
      const [instructions, ...rest] = messages;
      const withHistory =
        instructions === undefined ? [...options.history] : [instructions, ...options.history, ...rest];
      const generation = await inner.generate(withHistory, { ...options.generation, ...generateOptions });
      options.onGeneration?.(generation);
      return generation;
    },
    dispose: async () => {},
  };
}
