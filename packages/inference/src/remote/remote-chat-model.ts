import {
  AndesError,
  type ChatMessage,
  type ChatModel,
  type FinishReason,
  type GenerateOptions,
  type Generation,
} from '@andes-rag/core';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParams,
} from 'openai/resources/chat/completions';
import { estimateTokenCount } from './estimate-token-count.js';
import type { InferenceEndpoint, InferenceEndpointPool } from './inference-endpoint-pool.js';
import { remoteGenerationBody } from './remote-generation-body.js';

/** Options of {@link RemoteChatModel}. */
export interface RemoteChatModelOptions {
  /** The servers that run the model. */
  pool: InferenceEndpointPool;
  /** The model's name on those servers (`/v1/models`); also this model's `id`. */
  model: string;
  /** The context window the servers give each request, in tokens. */
  contextSize: number;
  /** `max_tokens` when a generation sets no `maxTokens`. Default 512. */
  defaultMaxTokens?: number;
}

/**
 * A chat model served by OpenAI-compatible servers (vLLM, llama.cpp's server, `andes serve --inference-only`),
 * behind the same `ChatModel` contract as the local `LlamaChatModel`: `onTextChunk` streams (server-sent events),
 * `signal` aborts the HTTP request (so the server stops generating), `seed`, `stopSequences` and `jsonSchema`
 * (`response_format: json_schema`) go to the server. `countTokens` is an estimate (`estimateTokenCount`): the
 * tokenizer lives on the server; reported usage comes from the server's counts.
 */
export class RemoteChatModel implements ChatModel {
  readonly id: string;
  readonly contextSize: number;
  readonly #pool: InferenceEndpointPool;
  readonly #defaultMaxTokens: number;

  constructor(options: RemoteChatModelOptions) {
    this.id = options.model;
    this.contextSize = options.contextSize;
    this.#pool = options.pool;
    this.#defaultMaxTokens = options.defaultMaxTokens ?? 512;
  }

  countTokens(text: string): number {
    return estimateTokenCount(text);
  }

  /**
   * Generates on the least busy server. A server that cannot be reached is skipped and the request retried on
   * another; one that fails after text went out ends the generation with `model_error` naming it.
   *
   * @throws AndesError `aborted`, `invalid_request`, `context_overflow`, `queue_full`, `timeout`, `not_ready`, `model_error`.
   */
  async generate(messages: ChatMessage[], options: GenerateOptions = {}): Promise<Generation> {
    // Tools run through node-llama-cpp's function calling in a local model only; refused rather than dropped.
    if (options.tools?.length || messages.some((message) => message.toolCalls?.length)) {
      throw new AndesError(
        'invalid_request',
        'Tool calling needs the local chat model; a remote inference backend does not call tools.',
        {
          details: { param: 'tools' },
        },
      );
    }
    const body = remoteGenerationBody(this.id, messages, options, this.#defaultMaxTokens);
    const { signal } = options;
    if (signal?.aborted === true) throw new AndesError('aborted', 'The generation was cancelled');
    const generation = await this.#pool.run(
      (endpoint) =>
        options.onTextChunk === undefined
          ? this.#complete(endpoint, body, signal)
          : this.#stream(endpoint, body, options.onTextChunk, signal),
      signal,
    );
    return {
      ...generation,
      promptTokens:
        generation.promptTokens ?? messages.reduce((sum, message) => sum + this.countTokens(message.content), 0),
      completionTokens: generation.completionTokens ?? this.countTokens(generation.text),
    };
  }

  async #complete(
    endpoint: InferenceEndpoint,
    body: Record<string, unknown>,
    signal: AbortSignal | undefined,
  ): Promise<PartialGeneration> {
    const completion = (await endpoint.client.chat.completions.create(
      { ...body, stream: false } as unknown as ChatCompletionCreateParams,
      signal === undefined ? {} : { signal },
    )) as ChatCompletion;
    const choice = completion.choices[0];
    return {
      text: choice?.message.content ?? '',
      finishReason: finishReasonOf(choice?.finish_reason),
      promptTokens: completion.usage?.prompt_tokens,
      completionTokens: completion.usage?.completion_tokens,
    };
  }

  async #stream(
    endpoint: InferenceEndpoint,
    body: Record<string, unknown>,
    onTextChunk: (text: string) => void,
    signal: AbortSignal | undefined,
  ): Promise<PartialGeneration> {
    const stream = (await endpoint.client.chat.completions.create(
      { ...body, stream: true, stream_options: { include_usage: true } } as unknown as ChatCompletionCreateParams,
      signal === undefined ? {} : { signal },
    )) as AsyncIterable<ChatCompletionChunk>;
    let text = '';
    let finishReason: FinishReason = 'stop';
    let promptTokens: number | undefined;
    let completionTokens: number | undefined;
    try {
      for await (const chunk of stream) {
        const choice = chunk.choices[0];
        const piece = choice?.delta.content ?? '';
        if (piece !== '') {
          text += piece;
          onTextChunk(piece);
        }
        if (choice?.finish_reason != null) finishReason = finishReasonOf(choice.finish_reason);
        if (chunk.usage != null) {
          promptTokens = chunk.usage.prompt_tokens;
          completionTokens = chunk.usage.completion_tokens;
        }
      }
    } catch (error) {
      if (signal?.aborted === true || text === '') throw error;
      // Text already went to the caller: no retry on another server, and a message that says what happened.
      this.#pool.markFailed(endpoint, error);
      const reason = error instanceof Error ? error.message : String(error);
      throw new AndesError(
        'model_error',
        `The inference server ${endpoint.url} failed mid-answer, after ${text.length} characters: ${reason}`,
        { cause: error, details: { inferenceUrl: endpoint.url } },
      );
    }
    return { text, finishReason, promptTokens, completionTokens };
  }

  /** Nothing to free here: the servers own the model. */
  async dispose(): Promise<void> {}
}

interface PartialGeneration {
  text: string;
  finishReason: FinishReason;
  promptTokens: number | undefined;
  completionTokens: number | undefined;
}

function finishReasonOf(reason: string | null | undefined): FinishReason {
  return reason === 'length' ? 'length' : 'stop';
}
