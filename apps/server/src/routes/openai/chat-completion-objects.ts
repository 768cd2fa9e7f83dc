import { randomUUID } from 'node:crypto';
import type { Citation, FinishReason, ToolCall } from '@andes-rag/core';
import type { ChatResult } from '@andes-rag/runtime';

/** OpenAI's token counts. */
export interface CompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** Identity shared by a completion and all its chunks. */
export interface CompletionIdentity {
  /** `chatcmpl-<uuid>`. */
  id: string;
  /** Unix seconds. */
  created: number;
  model: string;
}

/** A fresh identity for one completion. */
export function newCompletionIdentity(model: string): CompletionIdentity {
  return { id: `chatcmpl-${randomUUID()}`, created: Math.floor(Date.now() / 1000), model };
}

/** OpenAI's `finish_reason`. */
export type OpenAiFinishReason = 'stop' | 'length' | 'tool_calls';

/** OpenAI's `finish_reason` for Andes's; `aborted` never reaches a client that is still there. */
export function openAiFinishReason(reason: FinishReason): OpenAiFinishReason {
  return reason === 'length' || reason === 'tool_calls' ? reason : 'stop';
}

/** OpenAI's `tool_calls` of a message. */
export function openAiToolCalls(toolCalls: readonly ToolCall[]) {
  return toolCalls.map((call) => ({
    id: call.id,
    type: 'function' as const,
    function: { name: call.name, arguments: call.arguments },
  }));
}

/** The same, as one streamed delta: each call whole, with its `index`. */
export function toolCallsDelta(toolCalls: readonly ToolCall[]) {
  return { tool_calls: openAiToolCalls(toolCalls).map((call, index) => ({ index, ...call })) };
}

/** The usage block for a result. */
export function usageOf(result: Pick<ChatResult, 'promptTokens' | 'completionTokens'>): CompletionUsage {
  return {
    prompt_tokens: result.promptTokens,
    completion_tokens: result.completionTokens,
    total_tokens: result.promptTokens + result.completionTokens,
  };
}

/** Citations, when the result has them, under the extra field `andes_citations`. */
function citationField(citations: Citation[] | undefined): { andes_citations?: Citation[] } {
  return citations === undefined ? {} : { andes_citations: citations };
}

/** The assistant version that answered, when an assistant model did, under the extra field `andes_assistant`. */
function assistantField(result: ChatResult): { andes_assistant?: { name: string; version: number } } {
  return result.assistant === undefined ? {} : { andes_assistant: result.assistant };
}

/**
 * A whole `chat.completion` object. A collection or assistant model's message carries `andes_citations`; an
 * assistant model's completion names the version that answered in `andes_assistant`. A message with tool calls
 * has `content: null` and `tool_calls`. `appendedText` (the sources block) follows the answer's text.
 */
export function chatCompletion(identity: CompletionIdentity, result: ChatResult, appendedText = '') {
  return {
    ...identity,
    object: 'chat.completion' as const,
    ...assistantField(result),
    system_fingerprint: null,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant' as const,
          content: result.toolCalls === undefined ? result.text + appendedText : null,
          refusal: null,
          ...(result.toolCalls === undefined ? {} : { tool_calls: openAiToolCalls(result.toolCalls) }),
          ...citationField(result.citations),
        },
        logprobs: null,
        finish_reason: openAiFinishReason(result.finishReason),
      },
    ],
    usage: usageOf(result),
  };
}

/** A `chat.completion.chunk` with one choice whose `delta` is given. */
export function chatCompletionChunk(
  identity: CompletionIdentity,
  delta: Record<string, unknown>,
  finishReason: OpenAiFinishReason | null = null,
) {
  return {
    ...identity,
    object: 'chat.completion.chunk' as const,
    system_fingerprint: null,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
}

/** The last chunk of a stream: empty delta but for `andes_citations` (collection models), and the finish reason. */
export function finalChunk(identity: CompletionIdentity, result: ChatResult) {
  return {
    ...chatCompletionChunk(identity, citationField(result.citations), openAiFinishReason(result.finishReason)),
    ...assistantField(result),
  };
}

/** The chunk `stream_options.include_usage` asks for: no choices, the usage. */
export function usageChunk(identity: CompletionIdentity, result: ChatResult) {
  return {
    ...identity,
    object: 'chat.completion.chunk' as const,
    system_fingerprint: null,
    choices: [],
    usage: usageOf(result),
  };
}
