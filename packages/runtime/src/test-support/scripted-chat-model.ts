import type { ChatMessage, ChatModel, GenerateOptions, Generation } from '@andes/core';

/** A chat model whose replies are scripted, recording every prompt it is given. */
export interface ScriptedChatModel extends ChatModel {
  /** Every `generate` call's messages, oldest call first. */
  readonly prompts: ChatMessage[][];
}

/**
 * A stand-in chat model for unit tests of the code around a model (pipeline wiring), never for testing a model:
 * asked to condense a follow-up (a prompt ending in `Standalone question:`), it replies `condensed`; asked anything else,
 * it replies `answer`. Tokens are counted as whitespace-separated words.
 */
export function scriptedChatModel(replies: { condensed: string; answer: string }): ScriptedChatModel {
  const prompts: ChatMessage[][] = [];
  return {
    id: 'scripted',
    contextSize: 4096,
    prompts,
    countTokens: (text) => text.split(/\s+/u).filter(Boolean).length,
    async generate(messages: ChatMessage[], options: GenerateOptions = {}): Promise<Generation> {
      prompts.push(messages);
      const condensing = messages.at(-1)?.content.trimEnd().endsWith('Standalone question:') ?? false;
      const text = condensing ? replies.condensed : replies.answer;
      options.onTextChunk?.(text);
      return { text, finishReason: 'stop', promptTokens: messages.length * 10, completionTokens: 3 };
    },
    dispose: async () => {},
  };
}
