import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import type { BaseLanguageModelInput, StructuredOutputMethodOptions } from '@langchain/core/language_models/base';
import {
  BaseChatModel,
  type BaseChatModelCallOptions,
  type BaseChatModelParams,
  type BindToolsInput,
} from '@langchain/core/language_models/chat_models';
import { AIMessage, AIMessageChunk, type BaseMessage, type UsageMetadata } from '@langchain/core/messages';
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs';
import { RunnableLambda, RunnablePassthrough, RunnableSequence, type Runnable } from '@langchain/core/runnables';
import { toJsonSchema } from '@langchain/core/utils/json_schema';
import { getSchemaDescription, interopParse, isInteropZodSchema } from '@langchain/core/utils/types';
import type { ChatModel, GenerateOptions, Generation } from '@andes-rag/core';
import { toAndesMessages } from './langchain-messages.js';
import { toToolChoice, toToolDefinitions } from './langchain-tools.js';
import { TextChunkQueue } from './text-chunk-queue.js';

/** Call options of {@link ChatAndes}: LangChain's, plus the tools `bindTools` sets. */
export interface ChatAndesCallOptions extends BaseChatModelCallOptions {
  /** Tools the model may call; see `bindTools`. Default: none. */
  tools?: BindToolsInput[];
}

/** Options of {@link ChatAndes}. */
export interface ChatAndesFields extends BaseChatModelParams {
  /** Andes's chat model, e.g. `andes.components.chatModel` from `openAndes()`, or a loaded `LlamaChatModel`. */
  chatModel: ChatModel;
  /** Most tokens per answer. Default: the chat model's default. */
  maxTokens?: number;
  /** Sampling temperature; 0 is greedy. Default: the chat model's default (greedy). */
  temperature?: number;
}

/** OpenAI's finish reason, which LangChain's tooling reads from `response_metadata.finish_reason`. */
function finishReasonOf(generation: Generation): string {
  return generation.finishReason === 'aborted' ? 'stop' : generation.finishReason;
}

/**
 * Sets the message's token counts. Assigned rather than passed to the constructor: LangChain's message-structure
 * types infer this field as `undefined` under this repository's `exactOptionalPropertyTypes`.
 */
function withUsage(message: BaseMessage, generation: Generation): void {
  const usage: UsageMetadata = {
    input_tokens: generation.promptTokens,
    output_tokens: generation.completionTokens,
    total_tokens: generation.promptTokens + generation.completionTokens,
  };
  (message as { usage_metadata?: UsageMetadata }).usage_metadata = usage;
}

/**
 * LangChain chat model over Andes's local chat model (node-llama-cpp, Llama 3 chat format). Streams through
 * `_streamResponseChunks`, honours `stop`, calls tools with `bindTools` (through the chat model's own tool calling,
 * the same path as the OpenAI route's `tools`: `tool_choice` `auto` lets the model choose, `any` / `required` / a
 * name force a call with a grammar), and `withStructuredOutput` forces a call of one tool whose parameters are the
 * schema, so the output always matches it.
 */
export class ChatAndes extends BaseChatModel<ChatAndesCallOptions, AIMessageChunk> {
  readonly chatModel: ChatModel;
  readonly maxTokens: number | undefined;
  readonly temperature: number | undefined;

  static override lc_name(): string {
    return 'ChatAndes';
  }

  constructor(fields: ChatAndesFields) {
    super(fields);
    this.chatModel = fields.chatModel;
    this.maxTokens = fields.maxTokens;
    this.temperature = fields.temperature;
  }

  override _llmType(): string {
    return 'andes';
  }

  /** This model with `tools` bound to every call (and `kwargs`, e.g. `tool_choice`). */
  override bindTools(
    tools: BindToolsInput[],
    kwargs?: Partial<ChatAndesCallOptions>,
  ): Runnable<BaseLanguageModelInput, AIMessageChunk, ChatAndesCallOptions> {
    return this.withConfig({ ...kwargs, tools });
  }

  async _generate(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): Promise<ChatResult> {
    const generation = await this.chatModel.generate(
      toAndesMessages(messages),
      this.generateOptions(options, (text) => void runManager?.handleLLMNewToken(text)),
    );
    const message = new AIMessage({
      content: generation.text,
      tool_calls: (generation.toolCalls ?? []).map((call) => ({
        type: 'tool_call' as const,
        id: call.id,
        name: call.name,
        args: JSON.parse(call.arguments) as Record<string, unknown>,
      })),
      response_metadata: { finish_reason: finishReasonOf(generation), model_name: this.chatModel.id },
    });
    withUsage(message, generation);
    return {
      generations: [{ text: generation.text, message, generationInfo: { finish_reason: finishReasonOf(generation) } }],
      llmOutput: {
        tokenUsage: {
          promptTokens: generation.promptTokens,
          completionTokens: generation.completionTokens,
          totalTokens: generation.promptTokens + generation.completionTokens,
        },
      },
    };
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const queue = new TextChunkQueue();
    const controller = new AbortController();
    const forwardAbort = () => controller.abort();
    options.signal?.addEventListener('abort', forwardAbort, { once: true });
    const running = this.chatModel
      .generate(toAndesMessages(messages), {
        ...this.generateOptions(options, (text) => queue.push(text)),
        signal: controller.signal,
      })
      .finally(() => queue.close());
    running.catch(() => undefined);
    try {
      for await (const text of queue) {
        const chunk = new ChatGenerationChunk({ text, message: new AIMessageChunk({ content: text }) });
        yield chunk;
        await runManager?.handleLLMNewToken(text, undefined, undefined, undefined, undefined, { chunk });
      }
      const generation = await running;
      const last = new ChatGenerationChunk({
        text: '',
        message: new AIMessageChunk({
          content: '',
          tool_call_chunks: (generation.toolCalls ?? []).map((call, index) => ({
            type: 'tool_call_chunk' as const,
            id: call.id,
            name: call.name,
            args: call.arguments,
            index,
          })),
          response_metadata: { finish_reason: finishReasonOf(generation), model_name: this.chatModel.id },
        }),
        generationInfo: { finish_reason: finishReasonOf(generation) },
      });
      withUsage(last.message, generation);
      yield last;
    } finally {
      // A consumer that stops reading early ends the generation and frees its sequence.
      controller.abort();
      options.signal?.removeEventListener('abort', forwardAbort);
    }
  }

  /**
   * A runnable whose output follows `outputSchema` (zod or JSON schema): the model is made to call one tool whose
   * parameters are the schema, so a grammar constrains its output to match; the call's arguments are the result
   * (checked by the zod schema when one is given). `includeRaw` also returns the model's message.
   */
  // The overloads are BaseChatModel's: its schema and output types are LangChain's own `Record<string, any>`.
  /* eslint-disable @typescript-eslint/no-explicit-any */
  override withStructuredOutput<RunOutput extends Record<string, any> = Record<string, any>>(
    outputSchema: Record<string, any>,
    config?: StructuredOutputMethodOptions<false>,
  ): Runnable<BaseLanguageModelInput, RunOutput>;
  override withStructuredOutput<RunOutput extends Record<string, any> = Record<string, any>>(
    outputSchema: Record<string, any>,
    config?: StructuredOutputMethodOptions<true>,
  ): Runnable<BaseLanguageModelInput, { raw: BaseMessage; parsed: RunOutput }>;
  override withStructuredOutput(
    outputSchema: Record<string, any>,
    config?: StructuredOutputMethodOptions<boolean>,
  ): Runnable<BaseLanguageModelInput, unknown> {
    /* eslint-enable @typescript-eslint/no-explicit-any */
    const isZod = isInteropZodSchema(outputSchema);
    const parameters = isZod ? toJsonSchema(outputSchema) : outputSchema;
    const name =
      config?.name ?? (!isZod && typeof outputSchema['title'] === 'string' ? outputSchema['title'] : 'extract');
    const description = (isZod ? getSchemaDescription(outputSchema) : undefined) ?? 'Answer in this structure.';
    const model = this.bindTools([{ type: 'function', function: { name, description, parameters } }], {
      tool_choice: name,
    });
    const parse = RunnableLambda.from((message: AIMessageChunk) => {
      const args = message.tool_calls?.find((call) => call.name === name)?.args;
      if (args === undefined) throw new Error(`The model made no "${name}" call.`);
      return isZod ? interopParse(outputSchema, args) : args;
    });
    if (config?.includeRaw !== true) return model.pipe(parse);
    return RunnableSequence.from([
      { raw: model },
      RunnablePassthrough.assign({ parsed: (input: { raw: AIMessageChunk }) => parse.invoke(input.raw) }),
    ]);
  }

  /** Andes's generation options for a call: stop strings, tools and tool choice, limits, and the text callback. */
  private generateOptions(options: this['ParsedCallOptions'], onTextChunk: (text: string) => void): GenerateOptions {
    const toolChoice = toToolChoice(options.tool_choice);
    return {
      onTextChunk,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.stop === undefined ? {} : { stopSequences: options.stop }),
      ...(this.maxTokens === undefined ? {} : { maxTokens: this.maxTokens }),
      ...(this.temperature === undefined ? {} : { temperature: this.temperature }),
      ...(options.tools?.length ? { tools: toToolDefinitions(options.tools) } : {}),
      ...(toolChoice === undefined ? {} : { toolChoice }),
    };
  }
}
