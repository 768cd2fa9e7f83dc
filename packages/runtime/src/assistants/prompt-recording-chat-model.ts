import type { ChatMessage, ChatModel } from '@andes-rag/core';

/** Holds the messages of the last generation a {@link promptRecordingChatModel} ran. */
export interface PromptRecord {
  messages?: ChatMessage[];
}

/**
 * A view of `inner` that copies the messages of every generation into `record` before generating, so an answer
 * can be stored with the prompt exactly as the model saw it (instructions, fenced sources, history, question) for
 * the fine-tuning export. Disposing the view does nothing.
 */
export function promptRecordingChatModel(inner: ChatModel, record: PromptRecord): ChatModel {
  return {
    id: inner.id,
    contextSize: inner.contextSize,
    countTokens: (text) => inner.countTokens(text),
    generate(messages, options) {
      record.messages = messages.map((message) => ({ role: message.role, content: message.content }));
      return inner.generate(messages, options);
    },
    dispose: async () => {},
  };
}
