/** One message of a chat. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Options for one generation. Unset fields take the model's configured defaults. */
export interface GenerateOptions {
  /** Stop after this many new tokens. */
  maxTokens?: number;
  /** Sampling temperature; 0 is greedy. */
  temperature?: number;
  /** Fixes the sampler's randomness for reproducible output. */
  seed?: number;
  /** Cancels the generation and frees its sequence at once. */
  signal?: AbortSignal;
  /** Called with each new piece of text as it is generated. */
  onTextChunk?: (text: string) => void;
}

/** Why a generation ended. */
export type FinishReason = 'stop' | 'length' | 'aborted';

/** The result of one generation. */
export interface Generation {
  text: string;
  finishReason: FinishReason;
  /** Tokens in the prompt as the model saw it (chat template included). */
  promptTokens: number;
  /** Tokens generated. */
  completionTokens: number;
}

/** A loaded chat (instruction-following) model. */
export interface ChatModel {
  /** A name for logs and APIs, e.g. the GGUF file's base name. */
  readonly id: string;
  /** The context window in tokens that prompts and answers share. */
  readonly contextSize: number;
  /** Number of tokens `text` takes in this model's vocabulary. */
  countTokens(text: string): number;
  /**
   * Continues the chat with one assistant message.
   * Rejects with an AndesError `aborted` when `options.signal` fires.
   */
  generate(messages: ChatMessage[], options?: GenerateOptions): Promise<Generation>;
  /** Frees the model's memory. */
  dispose(): Promise<void>;
}
