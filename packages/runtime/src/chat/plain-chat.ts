import type { ChatModel } from '@andes-rag/core';
import type { ChatRequest, ChatResult } from './chat-request.js';

/** What {@link plainChat} runs. */
export interface PlainChatOptions {
  chatModel: ChatModel;
  request: ChatRequest;
  /** Already capped by the configuration. */
  maxTokens: number;
  /** The request's signal joined with its deadline. */
  signal: AbortSignal;
}

/** Continues the request's conversation with the chat model as it is: no retrieval, no added instructions. */
export async function plainChat({ chatModel, request, maxTokens, signal }: PlainChatOptions): Promise<ChatResult> {
  const generation = await chatModel.generate(request.messages, {
    ...request.generation,
    maxTokens,
    signal,
    ...(request.onTextChunk === undefined ? {} : { onTextChunk: request.onTextChunk }),
  });
  return {
    model: request.model,
    text: generation.text,
    finishReason: generation.finishReason,
    promptTokens: generation.promptTokens,
    completionTokens: generation.completionTokens,
    ...(generation.toolCalls === undefined ? {} : { toolCalls: generation.toolCalls }),
  };
}
