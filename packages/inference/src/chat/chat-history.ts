import { AndesError, type ChatMessage, type FinishReason } from '@andes-rag/core';
import type {
  ChatHistoryItem,
  ChatModelFunctionCall,
  ChatModelFunctions,
  ChatWrapper,
  LlamaChatResponse,
  Tokenizer,
} from 'node-llama-cpp';

/** JSON text as a value, or the text itself when it is not JSON. */
function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** An assistant message's tool calls as node-llama-cpp's function-call items, each with its result. */
function functionCallItems(message: ChatMessage): ChatModelFunctionCall[] {
  return (message.toolCalls ?? []).map((call) => ({
    type: 'functionCall',
    name: call.name,
    params: parsedOrText(call.arguments),
    result: call.result === undefined ? null : parsedOrText(call.result),
  }));
}

/**
 * node-llama-cpp's chat history for `messages`, ending with the empty model turn to generate. An assistant
 * message's tool calls (with their results) become function-call items the chat template renders in its syntax.
 * Rejects an empty list, which has nothing to answer, with AndesError `invalid_request`.
 */
export function toChatHistory(messages: readonly ChatMessage[]): ChatHistoryItem[] {
  if (messages.length === 0) throw new AndesError('invalid_request', 'A chat needs at least one message');
  const history: ChatHistoryItem[] = messages.map((message) => {
    if (message.role === 'assistant') {
      const text = message.content === '' && message.toolCalls?.length ? [] : [message.content];
      return { type: 'model', response: [...text, ...functionCallItems(message)] };
    }
    return { type: message.role, text: message.content };
  });
  history.push({ type: 'model', response: [] });
  return history;
}

/** Tokens of the whole prompt as the model will see it, chat template and special tokens included. */
export function countPromptTokens(
  chatWrapper: ChatWrapper,
  tokenizer: Tokenizer,
  history: ChatHistoryItem[],
  functions?: ChatModelFunctions,
): number {
  return chatWrapper
    .generateContextState({
      chatHistory: history,
      ...(functions === undefined ? {} : { availableFunctions: functions }),
    })
    .contextText.tokenize(tokenizer).length;
}

/** Andes's finish reason for node-llama-cpp's stop reason. */
export function finishReasonOf(stopReason: LlamaChatResponse['metadata']['stopReason']): FinishReason {
  if (stopReason === 'maxTokens') return 'length';
  if (stopReason === 'abort') return 'aborted';
  if (stopReason === 'functionCalls') return 'tool_calls';
  return 'stop';
}
