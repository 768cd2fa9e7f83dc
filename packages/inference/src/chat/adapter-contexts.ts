import { AndesError } from '@andes-rag/core';
import type { LlamaChat } from 'node-llama-cpp';
import type { ChatContext } from './chat-context.js';

/** A LoRA adapter set, as llama.cpp applies it to a context. */
export interface AdapterSet {
  /** Stable identity of the set: the same key, the same context. */
  key: string;
  adapters: { filePath: string; scale: number }[];
}

/** A sequence lent to one generation, with the way to give it back. */
export interface ChatLease {
  chat: LlamaChat;
  release(): void;
}

interface Entry {
  context: Promise<ChatContext>;
  /** Generations that hold, wait for, or are about to wait for one of its sequences. */
  users: number;
  lastUsed: number;
}

/**
 * Contexts for LoRA adapter sets, created on first use over the already loaded model and kept for later requests
 * with the same set. At most `capacity` exist at once: a new set replaces the least recently used idle one; when
 * every one is busy the request is refused with `queue_full` (try again later), so memory stays bounded.
 */
export class AdapterContexts {
  private readonly entries = new Map<string, Entry>();
  private readonly disposals = new Set<Promise<void>>();
  private closed = false;

  /**
   * @param createContext makes the context for a set (the model's `createContext` with `lora`)
   * @param capacity adapter contexts kept at once
   */
  constructor(
    private readonly createContext: (set: AdapterSet) => Promise<ChatContext>,
    private readonly capacity: number,
  ) {}

  /** Number of adapter contexts that exist or are being created. */
  get size(): number {
    return this.entries.size;
  }

  /** Whether a context for the set with this key exists or is being created. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** A sequence of the context for `set`, created if needed. Rejects with `queue_full`, `aborted`, `not_ready`. */
  async acquire(set: AdapterSet, signal?: AbortSignal): Promise<ChatLease> {
    if (this.closed) throw new AndesError('not_ready', 'The model is shutting down');
    const entry = this.entries.get(set.key) ?? this.add(set);
    // Counted before the first await, so no other request can evict the context in between.
    entry.users++;
    entry.lastUsed = performance.now();
    try {
      const context = await entry.context;
      const chat = await context.acquire(signal);
      return {
        chat,
        release: () => {
          context.release(chat);
          entry.users--;
          entry.lastUsed = performance.now();
        },
      };
    } catch (error) {
      entry.users--;
      throw error;
    }
  }

  /** Refuses new requests and rejects waiting ones with `not_ready`. */
  close(): void {
    this.closed = true;
    for (const entry of this.entries.values())
      void entry.context.then(
        (context) => context.close(),
        () => undefined,
      );
  }

  /** Frees every adapter context (after {@link close} and once their generations have ended). */
  async dispose(): Promise<void> {
    this.close();
    const contexts = [...this.entries.values()].map((entry) => entry.context);
    this.entries.clear();
    await Promise.all(
      contexts.map((context) =>
        context.then(
          (ready) => ready.dispose(),
          () => undefined,
        ),
      ),
    );
    await Promise.all(this.disposals);
  }

  private add(set: AdapterSet): Entry {
    if (this.entries.size >= this.capacity) this.evictLeastRecentlyUsed(set);
    const entry: Entry = { context: this.createContext(set), users: 0, lastUsed: performance.now() };
    entry.context.catch(() => this.entries.get(set.key) === entry && this.entries.delete(set.key));
    this.entries.set(set.key, entry);
    return entry;
  }

  private evictLeastRecentlyUsed(wanted: AdapterSet): void {
    let victim: [string, Entry] | undefined;
    for (const candidate of this.entries) {
      if (candidate[1].users === 0 && (victim === undefined || candidate[1].lastUsed < victim[1].lastUsed))
        victim = candidate;
    }
    if (victim === undefined) {
      throw new AndesError('queue_full', `All ${this.capacity} LoRA adapter contexts are busy; try again later`, {
        details: { maxAdapterContexts: this.capacity, adapters: wanted.adapters.map((adapter) => adapter.filePath) },
      });
    }
    const [key, entry] = victim;
    this.entries.delete(key);
    const disposal = entry.context.then(
      (context) => context.dispose(),
      () => undefined,
    );
    this.disposals.add(disposal);
    void disposal.finally(() => this.disposals.delete(disposal));
  }
}
