import {
  AndesError,
  noopLogger,
  toAndesError,
  type ChatMessage,
  type ChatModel,
  type GenerateOptions,
  type Generation,
  type Logger,
} from '@andes/core';
import { LlamaChat, type Llama, type LlamaContext, type LlamaModel } from 'node-llama-cpp';
import { defaultThreadCount } from '../backend/default-thread-count.js';
import { loadLlamaModel, modelIdFromPath } from '../model-file/load-llama-model.js';
import { rejectOnAbort } from './abort-race.js';
import { countPromptTokens, finishReasonOf, toChatHistory } from './chat-history.js';
import { SequencePool } from './sequence-pool.js';

/** Options of {@link LlamaChatModel.load}. */
export interface LlamaChatModelOptions {
  /** The llama.cpp backend from `loadLlamaBackend`. Not disposed with the model. */
  llama: Llama;
  /** Path of the GGUF file. */
  modelPath: string;
  /** Context window of each sequence in tokens. Default and maximum: the model's training context. */
  contextSize?: number;
  /** Evaluation threads. Default: `os.availableParallelism()`. */
  threads?: number;
  /** Generations that run at once, each on its own sequence of one shared context. Default 4. */
  sequences?: number;
  /** Generations allowed to wait for a free sequence; more are refused with `queue_full`. Default: unbounded. */
  maxWaiting?: number;
  /** `maxTokens` when a request sets none. Default 1024 (always capped by the room left in the context). */
  defaultMaxTokens?: number;
  /** `temperature` when a request sets none. Default 0 (greedy). */
  defaultTemperature?: number;
  /** Default: {@link noopLogger}. */
  logger?: Logger;
}

/**
 * A chat model over a GGUF file (Llama 3 Instruct, or any model whose chat template node-llama-cpp knows).
 * One context with several sequences serves concurrent generations; callers beyond that wait in FIFO order.
 */
export class LlamaChatModel implements ChatModel {
  readonly id: string;
  readonly contextSize: number;
  private readonly inFlight = new Set<AbortController>();
  private readonly runs = new Set<Promise<unknown>>();
  private readonly pool: SequencePool<LlamaChat>;

  private constructor(
    private readonly model: LlamaModel,
    private readonly context: LlamaContext,
    private readonly chats: readonly LlamaChat[],
    private readonly options: LlamaChatModelOptions,
  ) {
    this.id = modelIdFromPath(options.modelPath);
    this.contextSize = Math.min(context.contextSize, model.trainContextSize);
    this.pool = new SequencePool(chats, options.maxWaiting);
  }

  /** Loads the model and its context. Rejects with `model_not_found`, `invalid_model_file` or `model_error`. */
  static async load(options: LlamaChatModelOptions): Promise<LlamaChatModel> {
    const logger = options.logger ?? noopLogger;
    const model = await loadLlamaModel(options.llama, options.modelPath, logger);
    const sequences = options.sequences ?? 4;
    try {
      const context = await model.createContext({
        sequences,
        contextSize: Math.min(options.contextSize ?? model.trainContextSize, model.trainContextSize),
        threads: options.threads ?? defaultThreadCount(),
      });
      const chats = Array.from({ length: sequences }, () => new LlamaChat({ contextSequence: context.getSequence() }));
      logger.info('chat model ready', {
        model: modelIdFromPath(options.modelPath),
        chatWrapper: chats[0]?.chatWrapper.wrapperName,
        contextSize: context.contextSize,
        sequences,
      });
      return new LlamaChatModel(model, context, chats, options);
    } catch (error) {
      await model.dispose();
      throw new AndesError('model_error', `Could not create a context for ${options.modelPath}: ${String(error)}`, {
        cause: error,
      });
    }
  }

  /** Name of the chat template node-llama-cpp chose, e.g. `Llama 3`. */
  get chatWrapperName(): string {
    return this.chats[0]?.chatWrapper.wrapperName ?? 'unknown';
  }

  countTokens(text: string): number {
    return this.model.tokenize(text).length;
  }

  async generate(messages: ChatMessage[], options: GenerateOptions = {}): Promise<Generation> {
    const history = toChatHistory(messages);
    const chatWrapper = this.chats[0]?.chatWrapper;
    const promptTokens = chatWrapper === undefined ? 0 : countPromptTokens(chatWrapper, this.model.tokenizer, history);
    if (promptTokens >= this.contextSize) {
      throw new AndesError('context_overflow', `The prompt takes ${promptTokens} tokens; the context holds ${this.contextSize}`, {
        details: { promptTokens, contextSize: this.contextSize },
      });
    }
    const chat = await this.pool.acquire(options.signal);
    const run = this.run(chat, history, promptTokens, options);
    const settled = run.catch(() => undefined).finally(() => this.runs.delete(settled));
    this.runs.add(settled);
    return rejectOnAbort(run, options.signal);
  }

  /** Cancels running generations, waits for their sequences, then frees the context and the model. */
  async dispose(): Promise<void> {
    this.pool.close();
    for (const controller of this.inFlight) controller.abort();
    await Promise.all(this.runs);
    await this.context.dispose();
    await this.model.dispose();
  }

  private async run(
    chat: LlamaChat,
    history: ReturnType<typeof toChatHistory>,
    promptTokens: number,
    options: GenerateOptions,
  ): Promise<Generation> {
    const controller = new AbortController();
    const forwardAbort = () => controller.abort();
    options.signal?.addEventListener('abort', forwardAbort, { once: true });
    this.inFlight.add(controller);
    let completionTokens = 0;
    try {
      const response = await chat.generateResponse(history, {
        signal: controller.signal,
        maxTokens: Math.min(options.maxTokens ?? this.options.defaultMaxTokens ?? 1024, this.contextSize - promptTokens),
        temperature: options.temperature ?? this.options.defaultTemperature ?? 0,
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        onToken: (tokens) => (completionTokens += tokens.length),
        ...(options.onTextChunk === undefined ? {} : { onTextChunk: options.onTextChunk }),
      });
      return { text: response.response, finishReason: finishReasonOf(response.metadata.stopReason), promptTokens, completionTokens };
    } catch (error) {
      if (controller.signal.aborted) throw new AndesError('aborted', 'The generation was cancelled', { cause: error });
      throw toAndesError(error, 'model_error');
    } finally {
      options.signal?.removeEventListener('abort', forwardAbort);
      this.inFlight.delete(controller);
      this.pool.release(chat);
    }
  }
}
