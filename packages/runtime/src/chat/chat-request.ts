import type { ChatMessage, ChunkFilter, Citation, FinishReason, GenerateOptions, ToolCall } from '@andes-rag/core';

/** Generation settings a chat request may set (sampling, stop sequences, JSON schema, ...); unset ones take the model's defaults. */
export type ChatGenerationOptions = Omit<GenerateOptions, 'signal' | 'onTextChunk'>;

/** A chat request: an OpenAI chat completion in Andes's terms. */
export interface ChatRequest {
  /**
   * Which served model answers (see `AndesService.models()`): the chat model's id for plain chat, or
   * `andes:<collection>` for an answer retrieved from that collection, with citations.
   */
  model: string;
  /** The conversation, oldest first. For a collection model the last message must be the user's question. */
  messages: ChatMessage[];
  /**
   * How to generate. `maxTokens` defaults to `config.maxAnswerTokens` and is capped by it; the rest passes to the
   * chat model as given. Default: the model's defaults (greedy).
   */
  generation?: ChatGenerationOptions;
  /**
   * For a collection or assistant model: conditions every retrieved chunk must meet, applied inside search (the
   * server sets the caller's document access here). Default: none.
   */
  filter?: ChunkFilter;
  /** Cancels the request: queueing, retrieval and generation. */
  signal?: AbortSignal;
  /** Receives the answer text piece by piece as it is generated. */
  onTextChunk?: (text: string) => void;
}

/** The answer to a {@link ChatRequest}. */
export interface ChatResult {
  /** The served model that answered, as the request named it. */
  model: string;
  text: string;
  finishReason: FinishReason;
  /** Tokens of the prompt as the model saw it (template, sources and history included); 0 when no model ran. */
  promptTokens: number;
  /** Tokens generated; 0 when no model ran (an extractive or "not covered" answer). */
  completionTokens: number;
  /** For a collection model: the sources the answer relies on, numbered as the text cites them. Absent for plain chat. */
  citations?: Citation[];
  /** For a collection model: the question as searched and answered, when a follow-up was condensed with the history. */
  standaloneQuestion?: string;
  /** For an assistant model: the assistant version that answered. */
  assistant?: { name: string; version: number };
  /** For plain chat with tools: the calls the model made, for the caller to run (`finishReason` `tool_calls`). */
  toolCalls?: ToolCall[];
}
