import { AndesError, type ChatMessage, type FinishReason } from '@andes-rag/core';
import type { ChatHistoryItem, ChatWrapper, LlamaChatResponse, Tokenizer } from 'node-llama-cpp';

/**
 * node-llama-cpp's chat history for `messages`, ending with the empty model turn to generate.
 * Rejects an empty list, which has nothing to answer, with AndesError `invalid_request`.
 */
export function toChatHistory(messages: readonly ChatMessage[]): ChatHistoryItem[] {
  if (messages.length === 0) throw new AndesError('invalid_request', 'A chat needs at least one message');
  const history: ChatHistoryItem[] = messages.map((message) => {
    if (message.role === 'assistant') return { type: 'model', response: [message.content] };
    return { type: message.role, text: message.content };
  });
  history.push({ type: 'model', response: [] });
  return history;
}

/** Tokens of the whole prompt as the model will see it, chat template and special tokens included. */
export function countPromptTokens(chatWrapper: ChatWrapper, tokenizer: Tokenizer, history: ChatHistoryItem[]): number {
  return chatWrapper.generateContextState({ chatHistory: history }).contextText.tokenize(tokenizer).length;
}

/** Andes's finish reason for node-llama-cpp's stop reason. */
export function finishReasonOf(stopReason: LlamaChatResponse['metadata']['stopReason']): FinishReason {
  if (stopReason === 'maxTokens') return 'length';
  if (stopReason === 'abort') return 'aborted';
  return 'stop';
}
