import { resolve } from 'node:path';
import {
  AndesError,
  noopLogger,
  toAndesError,
  type ChatMessage,
  type ChatModel,
  type GenerateOptions,
  type Generation,
  type Logger,
  type LoraAdapterChoice,
} from '@andes-rag/core';
import type { Llama, LlamaGrammar, LlamaModel } from 'node-llama-cpp';
import { defaultThreadCount } from '../backend/default-thread-count.js';
import { assertLoraAdapterFile } from '../model-file/assert-lora-adapter-file.js';
import { loadLlamaModel, modelIdFromPath, type GpuLayersChoice } from '../model-file/load-llama-model.js';
import { modelLoadCancelled } from '../model-file/model-load-cancelled.js';
import { rejectOnAbort } from './abort-race.js';
import { AdapterContexts, type AdapterSet, type ChatLease } from './adapter-contexts.js';
import { ChatContext } from './chat-context.js';
import { countPromptTokens, finishReasonOf, toChatHistory } from './chat-history.js';
import { JsonSchemaGrammars } from './json-schema-grammars.js';
import { samplingOptions, type SamplingOptions } from './sampling-options.js';
import {
  nativeToolCalls,
  parseForcedToolCall,
  planToolCalls,
  withForcedCallInstructions,
  type ToolCallPlan,
} from '../tools/tool-call-plan.js';

/** Options of {@link LlamaChatModel.load}. */
export interface LlamaChatModelOptions {
  /** The llama.cpp backend from `loadLlamaBackend`. Not disposed with the model. */
  llama: Llama;
  /** Path of the GGUF file. */
  modelPath: string;
  /**
   * Context window of each sequence in tokens. `auto` (default): the largest that fits the free memory (VRAM on a
   * GPU) for every sequence, up to the model's training context. A number: exactly that, capped by the training
   * context; loading fails with `model_error` when it does not fit.
   */
  contextSize?: number | 'auto';
  /**
   * Layers offloaded to the GPU. Default `auto`: as many as fit the free VRAM beside the context (with a numeric
   * `contextSize`, beside exactly that context). Ignored on the CPU.
   */
  gpuLayers?: GpuLayersChoice;
  /** Evaluation threads. Default: `os.availableParallelism()`. */
  threads?: number;
  /** Generations that run at once, each on its own sequence of one shared context. Default 4. */
  sequences?: number;
  /**
   * Spare sequences of each context, so that a request never waits for a finished generation's sequence to be
   * cleared (clearing waits for the context's batch loop, hundreds of ms under load). Costs their KV cache memory.
   * Default: `sequences`.
   */
  spareSequences?: number;
  /**
   * Generations allowed to wait for a free, cleared sequence (one still being cleared counts as not free); more
   * are refused with `queue_full`. Default: unbounded.
   */
  maxWaiting?: number;
  /** `maxTokens` when a request sets none. Default 1024 (always capped by the room left in the context). */
  defaultMaxTokens?: number;
  /** `temperature` when a request sets none. Default 0 (greedy). */
  defaultTemperature?: number;
  /**
   * LoRA adapter sets with a context at once (each context holds its own KV cache). A request for another set
   * replaces the least recently used idle one, or is refused with `queue_full` while all are busy. Default 2.
   */
  maxAdapterContexts?: number;
  /** Sequences of each adapter context. Default: `sequences`. */
  adapterSequences?: number;
  /** Default: {@link noopLogger}. */
  logger?: Logger;
  /**
   * Cancels the load (see `loadLlamaModel`): it rejects with AndesError `aborted`, having freed the model and any
   * context it created. Default: none.
   */
  signal?: AbortSignal;
}

/**
 * A chat model over a GGUF file (Llama 3 Instruct, or any model whose chat template node-llama-cpp knows).
 * One context with several sequences serves concurrent generations; callers beyond that wait in FIFO order.
 * Requests may sample (temperature, top-k, top-p, min-p, repeat penalty, seed), stop at strings, follow a JSON
 * schema, and pick a LoRA adapter: adapters get contexts of their own over the same loaded weights.
 */
export class LlamaChatModel implements ChatModel {
  readonly id: string;
  readonly contextSize: number;
  private readonly inFlight = new Set<AbortController>();
  private readonly runs = new Set<Promise<unknown>>();
  private readonly grammars: JsonSchemaGrammars;
  private readonly adapters: AdapterContexts;

  private constructor(
    private readonly model: LlamaModel,
    private readonly base: ChatContext,
    private readonly options: LlamaChatModelOptions,
  ) {
    this.id = modelIdFromPath(options.modelPath);
    this.contextSize = Math.min(base.contextSize, model.trainContextSize);
    this.grammars = new JsonSchemaGrammars(options.llama);
    this.adapters = new AdapterContexts((set) => this.createAdapterContext(set), options.maxAdapterContexts ?? 2);
  }

  /**
   * Loads the model and its context. Rejects with `model_not_found`, `invalid_model_file` or `model_error`, or with
   * `aborted` when `options.signal` cancels the load.
   */
  static async load(options: LlamaChatModelOptions): Promise<LlamaChatModel> {
    const logger = options.logger ?? noopLogger;
    const sequences = options.sequences ?? 4;
    const spareSequences = options.spareSequences ?? sequences;
    const requested = options.contextSize ?? 'auto';
    const allSequences = sequences + spareSequences;
    const gpuLayers =
      options.gpuLayers ?? (requested === 'auto' ? 'auto' : { fitContext: { contextSize: requested * allSequences } });
    const { signal } = options;
    const model = await loadLlamaModel(options.llama, options.modelPath, logger, {
      gpuLayers,
      ...(signal === undefined ? {} : { signal }),
    });
    let base: ChatContext;
    try {
      base = await ChatContext.create(model, {
        sequences,
        spareSequences,
        contextSize:
          requested === 'auto' ? { max: model.trainContextSize } : Math.min(requested, model.trainContextSize),
        threads: options.threads ?? defaultThreadCount(),
        maxWaiting: options.maxWaiting ?? Number.POSITIVE_INFINITY,
      });
    } catch (error) {
      await model.dispose();
      throw new AndesError('model_error', `Could not create a context for ${options.modelPath}: ${String(error)}`, {
        cause: error,
      });
    }
    // Creating a context cannot be interrupted; a signal that fired meanwhile frees it and the model.
    if (signal?.aborted) {
      await base.dispose();
      await model.dispose();
      throw modelLoadCancelled(options.modelPath);
    }
    logger.info('chat model ready', {
      model: modelIdFromPath(options.modelPath),
      chatWrapper: base.chatWrapper.wrapperName,
      contextSize: base.contextSize,
      sequences,
      gpu: options.llama.gpu,
      gpuLayers: model.gpuLayers,
    });
    return new LlamaChatModel(model, base, options);
  }

  /** Name of the chat template node-llama-cpp chose, e.g. `Llama 3`. */
  get chatWrapperName(): string {
    return this.base.chatWrapper.wrapperName;
  }

  /** Layers of the model on the GPU (0 on the CPU). */
  get gpuLayers(): number {
    return this.model.gpuLayers;
  }

  /** LoRA adapter contexts that exist now (at most `maxAdapterContexts`). */
  get adapterContextCount(): number {
    return this.adapters.size;
  }

  countTokens(text: string): number {
    return this.model.tokenize(text).length;
  }

  async generate(messages: ChatMessage[], options: GenerateOptions = {}): Promise<Generation> {
    const plan = planToolCalls(options.tools, options.toolChoice, options.jsonSchema);
    const history = toChatHistory(
      plan.kind === 'forced' ? withForcedCallInstructions(messages, plan.instructions) : messages,
    );
    const functions = plan.kind === 'native' ? plan.functions : undefined;
    const promptTokens = countPromptTokens(this.base.chatWrapper, this.model.tokenizer, history, functions);
    if (promptTokens >= this.contextSize) {
      throw new AndesError(
        'context_overflow',
        `The prompt takes ${promptTokens} tokens; the context holds ${this.contextSize}`,
        {
          details: { promptTokens, contextSize: this.contextSize },
        },
      );
    }
    const sampling = samplingOptions(options, { temperature: this.options.defaultTemperature ?? 0 });
    const jsonSchema = plan.kind === 'forced' ? plan.schema : options.jsonSchema;
    const grammar = jsonSchema === undefined ? undefined : await this.grammars.get(jsonSchema);
    const lease = await this.lease(options.lora, options.signal);
    const run = this.run(lease, history, promptTokens, options, { ...sampling, grammar }, plan);
    const settled = run.catch(() => undefined).finally(() => this.runs.delete(settled));
    this.runs.add(settled);
    return rejectOnAbort(run, options.signal);
  }

  /** Cancels running generations, waits for their sequences, then frees the contexts and the model. */
  async dispose(): Promise<void> {
    this.base.close();
    this.adapters.close();
    for (const controller of this.inFlight) controller.abort();
    await Promise.all(this.runs);
    await this.adapters.dispose();
    await this.base.dispose();
    await this.model.dispose();
  }

  /** A sequence of the base context, or of the context for `lora`. */
  private async lease(lora: LoraAdapterChoice | undefined, signal: AbortSignal | undefined): Promise<ChatLease> {
    if (lora === undefined) {
      const chat = await this.base.acquire(signal);
      return { chat, release: () => this.base.release(chat) };
    }
    const scale = lora.scale ?? 1;
    if (!Number.isFinite(scale))
      throw new AndesError('invalid_request', `LoRA scale must be a finite number, not ${scale}`);
    const filePath = resolve(lora.path);
    const set: AdapterSet = { key: `${filePath}\u0000${scale}`, adapters: [{ filePath, scale }] };
    // Checked before any context is replaced for it; an adapter that already has a context passed this check.
    if (!this.adapters.has(set.key)) await assertLoraAdapterFile(filePath);
    return this.adapters.acquire(set, signal);
  }

  private async createAdapterContext(set: AdapterSet): Promise<ChatContext> {
    try {
      const context = await ChatContext.create(this.model, {
        sequences: this.options.adapterSequences ?? this.options.sequences ?? 4,
        spareSequences: this.options.spareSequences ?? this.options.adapterSequences ?? this.options.sequences ?? 4,
        contextSize: this.base.contextSize,
        threads: this.options.threads ?? defaultThreadCount(),
        maxWaiting: this.options.maxWaiting ?? Number.POSITIVE_INFINITY,
        lora: set.adapters,
      });
      (this.options.logger ?? noopLogger).info('LoRA adapter context ready', { adapters: set.adapters });
      return context;
    } catch (error) {
      throw new AndesError('model_error', `llama.cpp could not apply the LoRA adapter: ${String(error)}`, {
        cause: error,
        details: { adapters: set.adapters.map((adapter) => adapter.filePath) },
      });
    }
  }

  private async run(
    lease: ChatLease,
    history: ReturnType<typeof toChatHistory>,
    promptTokens: number,
    options: GenerateOptions,
    sampling: SamplingOptions & { grammar: LlamaGrammar | undefined },
    plan: ToolCallPlan,
  ): Promise<Generation> {
    const controller = new AbortController();
    const forwardAbort = () => controller.abort();
    options.signal?.addEventListener('abort', forwardAbort, { once: true });
    this.inFlight.add(controller);
    let completionTokens = 0;
    try {
      const { grammar, ...rest } = sampling;
      // A forced call's JSON is not answer text: it is returned as a tool call, never streamed as content.
      const onTextChunk = plan.kind === 'forced' ? undefined : options.onTextChunk;
      const response = await lease.chat.generateResponse(history, {
        ...rest,
        // A grammar and functions exclude each other: the plan never makes both.
        ...((plan.kind === 'native' ? { functions: plan.functions } : grammar === undefined ? {} : { grammar }) as {
          grammar?: LlamaGrammar;
        }),
        signal: controller.signal,
        maxTokens: Math.min(
          options.maxTokens ?? this.options.defaultMaxTokens ?? 1024,
          this.contextSize - promptTokens,
        ),
        onToken: (tokens) => (completionTokens += tokens.length),
        ...(onTextChunk === undefined ? {} : { onTextChunk }),
      });
      const finishReason = finishReasonOf(response.metadata.stopReason);
      const generation: Generation = { text: response.response, finishReason, promptTokens, completionTokens };
      // A forced call cut short by maxTokens stays a `length` answer with its partial JSON, as OpenAI reports it.
      if (plan.kind === 'forced' && finishReason === 'stop') {
        return {
          ...generation,
          text: '',
          finishReason: 'tool_calls',
          toolCalls: [parseForcedToolCall(response.response)],
        };
      }
      const toolCalls = nativeToolCalls(response.functionCalls);
      return toolCalls.length === 0 ? generation : { ...generation, finishReason: 'tool_calls', toolCalls };
    } catch (error) {
      if (controller.signal.aborted) throw new AndesError('aborted', 'The generation was cancelled', { cause: error });
      throw toAndesError(error, 'model_error');
    } finally {
      options.signal?.removeEventListener('abort', forwardAbort);
      this.inFlight.delete(controller);
      lease.release();
    }
  }
}
