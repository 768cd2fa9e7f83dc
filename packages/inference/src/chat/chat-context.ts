import type { LlamaChat, LlamaContext, LlamaContextOptions, LlamaModel } from 'node-llama-cpp';
import { importNodeLlamaCpp } from '../backend/import-node-llama-cpp.js';
import { createPromptsFirstStrategy } from './prompts-first-strategy.js';
import { SequencePool } from './sequence-pool.js';

/** Options of {@link ChatContext.create}. */
export interface ChatContextOptions {
  /** Sequences, i.e. generations that run at once. */
  sequences: number;
  /**
   * Extra sequences beyond `sequences`, never generating at once with them: a finished generation's sequence is
   * cleared in the background (the clear waits for the context's batch loop) while a spare, already clear, serves
   * the next request at once. With 0, a sequence is lent as it was left and the next generation erases what it
   * does not reuse (waiting for that batch loop itself). Default 0.
   */
  spareSequences?: number;
  /** Context size of each sequence, or node-llama-cpp's fitting rule (`auto`, `{ max }`). */
  contextSize: NonNullable<LlamaContextOptions['contextSize']>;
  /** Evaluation threads. */
  threads: number;
  /**
   * Generations allowed to wait for a free, cleared sequence (one still being cleared counts as not free); more
   * are refused with `queue_full`.
   */
  maxWaiting: number;
  /** LoRA adapters applied to every evaluation in this context. Default: none. */
  lora?: { filePath: string; scale: number }[];
}

/**
 * One llama.cpp context of a loaded model, with a chat on each of its sequences, handed out first come, first
 * served. The base model's generations share one; each LoRA adapter set gets its own (llama.cpp applies
 * adapters per context), all over the same loaded weights. Its batches evaluate new prompts before the running
 * generations' next tokens ({@link createPromptsFirstStrategy}), for a short time to first token under load.
 */
export class ChatContext {
  private constructor(
    private readonly context: LlamaContext,
    private readonly chats: readonly LlamaChat[],
    private readonly pool: SequencePool<LlamaChat>,
  ) {}

  /** Creates the context and its chats. Rejects like `model.createContext` (memory, adapter mismatch). */
  static async create(model: LlamaModel, options: ChatContextOptions): Promise<ChatContext> {
    const spares = options.spareSequences ?? 0;
    const total = options.sequences + spares;
    const context = await model.createContext({
      sequences: total,
      contextSize: options.contextSize,
      threads: options.threads,
      batching: { itemPrioritizationStrategy: createPromptsFirstStrategy() },
      ...(options.lora === undefined ? {} : { lora: { adapters: options.lora } }),
    });
    const { LlamaChat } = await importNodeLlamaCpp();
    const chats = Array.from({ length: total }, () => new LlamaChat({ contextSequence: context.getSequence() }));
    // Without spares a background clear gains nothing: the next generation erases what it does not reuse itself.
    const pool = new SequencePool(
      chats,
      options.maxWaiting,
      spares === 0 ? {} : { slots: options.sequences, reset: (chat) => chat.sequence.clearHistory() },
    );
    return new ChatContext(context, chats, pool);
  }

  /** Tokens each sequence holds. */
  get contextSize(): number {
    return this.context.contextSize;
  }

  /** The chat template node-llama-cpp chose for the model. */
  get chatWrapper(): LlamaChat['chatWrapper'] {
    return this.chats[0]!.chatWrapper;
  }

  /** A free chat, in arrival order; see {@link SequencePool.acquire}. Give it back with {@link release}. */
  acquire(signal?: AbortSignal): Promise<LlamaChat> {
    return this.pool.acquire(signal);
  }

  /** Returns a chat taken with {@link acquire}. */
  release(chat: LlamaChat): void {
    this.pool.release(chat);
  }

  /** Refuses new generations and rejects waiting ones with `not_ready`. */
  close(): void {
    this.pool.close();
  }

  /** Frees the context's memory (the model's weights stay loaded), once the sequences being cleared are clear. */
  async dispose(): Promise<void> {
    this.pool.close();
    await this.pool.settled();
    await this.context.dispose();
  }
}
