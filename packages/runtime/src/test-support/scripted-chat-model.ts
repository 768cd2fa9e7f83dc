import type { ChatMessage, ChatModel, GenerateOptions, Generation } from '@andes-rag/core';

/** A chat model whose replies are scripted, recording every prompt it is given. */
export interface ScriptedChatModel extends ChatModel {
  /** Every `generate` call's messages, oldest call first. */
  readonly prompts: ChatMessage[][];
}

/** What a {@link scriptedChatModel} replies. */
export interface ScriptedReplies {
  /** The reply to a condensation prompt (one ending in `Standalone question:`). */
  condensed: string;
  /** The reply to any other prompt, or a function of the prompt's messages. */
  answer: string | ((messages: ChatMessage[]) => string);
}

/**
 * A stand-in chat model for unit tests of the code around a model (pipeline wiring, guards on what a model writes),
 * never for testing a model. Replies are streamed four characters at a time. Tokens are counted as
 * whitespace-separated words.
 */
export function scriptedChatModel(replies: ScriptedReplies): ScriptedChatModel {
  const prompts: ChatMessage[][] = [];
  return {
    id: 'scripted',
    contextSize: 4096,
    prompts,
    countTokens: (text) => text.split(/\s+/u).filter(Boolean).length,
    async generate(messages: ChatMessage[], options: GenerateOptions = {}): Promise<Generation> {
      prompts.push(messages);
      const condensing = messages.at(-1)?.content.trimEnd().endsWith('Standalone question:') ?? false;
      const text = condensing
        ? replies.condensed
        : typeof replies.answer === 'string'
          ? replies.answer
          : replies.answer(messages);
      for (let index = 0; index < text.length; index += 4) options.onTextChunk?.(text.slice(index, index + 4));
      return { text, finishReason: 'stop', promptTokens: messages.length * 10, completionTokens: 3 };
    },
    dispose: async () => {},
  };
}
