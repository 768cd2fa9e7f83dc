import type { ToolCall, ToolChoice, ToolDefinition } from './tool-calls.js';

/** One message of a chat. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
  /** On an assistant message: the tool calls it made, each with the result the caller sent back. Default: none. */
  toolCalls?: readonly ToolCall[];
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
  /**
   * Sample only among the `topK` most likely next tokens; 0 considers the whole vocabulary.
   * Default 40. Has no effect when `temperature` is 0.
   */
  topK?: number;
  /**
   * Nucleus sampling: sample among the fewest tokens whose probabilities add up to `topP` (0 to 1); 1 disables.
   * Default 0.95. Has no effect when `temperature` is 0.
   */
  topP?: number;
  /**
   * Drop tokens less likely than `minP` times the most likely token's probability (0 to 1); 0 disables.
   * Default 0. Has no effect when `temperature` is 0.
   */
  minP?: number;
  /**
   * Lowers the chance of repeating recent tokens. `false` turns every repetition penalty off.
   * Default: `{ penalty: 1.1, lastTokens: 64 }` (node-llama-cpp's defaults), no frequency or presence penalty.
   */
  repeatPenalty?: RepeatPenalty | false;
  /**
   * Generation ends as soon as the text contains one of these strings; the answer excludes the stop string
   * and its `finishReason` is `stop`. Default: none (the model's own end-of-turn token still ends it).
   */
  stopSequences?: readonly string[];
  /**
   * A JSON schema the answer must follow: the model is constrained by a grammar made from it, so the text always
   * parses as JSON matching the schema (unless `maxTokens` cuts it short: then `finishReason` is `length`).
   * Supports the JSON schema subset node-llama-cpp turns into grammars (`type` object, array, string, number,
   * integer, boolean, null; `properties`, `required`, `additionalProperties`, `items`, `prefixItems`, `minItems`,
   * `maxItems`, `minLength`, `maxLength`, string `format` date/time/date-time, `enum`, `const`, `oneOf`,
   * `$defs`/`$ref`); a schema it cannot turn into a grammar is `invalid_request`.
   * Default: free text.
   */
  jsonSchema?: JsonSchema;
  /**
   * A LoRA adapter applied on top of the loaded base model for this generation only, without reloading it.
   * Default: none (the base model).
   */
  lora?: LoraAdapterChoice;
  /** Functions the model may call instead of answering; see {@link ToolChoice}. Default: none. */
  tools?: readonly ToolDefinition[];
  /** Whether and which tool must be called. Default `auto` when `tools` are given. */
  toolChoice?: ToolChoice;
}

/** A JSON schema, as a plain JSON object (e.g. `{ type: 'object', properties: { … }, required: [ … ] }`). */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** How strongly recent tokens are penalised; see {@link GenerateOptions.repeatPenalty}. */
export interface RepeatPenalty {
  /** Divides the likelihood of tokens seen among the last `lastTokens`; 1 disables. Default 1.1. */
  penalty?: number;
  /** How many of the most recent tokens count as repetitions. Default 64. */
  lastTokens?: number;
  /** Lowers a token's logit by this times the number of times it appears in the window (OpenAI's `frequency_penalty`). Default 0. */
  frequencyPenalty?: number;
  /** Lowers the logit of every token that appears in the window by this (OpenAI's `presence_penalty`). Default 0. */
  presencePenalty?: number;
}

/** A LoRA adapter (a GGUF file) to apply to one generation. */
export interface LoraAdapterChoice {
  /** Path of the adapter's GGUF file (`general.type = adapter`), made for the loaded base model. */
  path: string;
  /** How strongly the adapter's weights are added: 0 is the base model, 1 the adapter as trained. Default 1. */
  scale?: number;
}

/** Why a generation ended. */
export type FinishReason = 'stop' | 'length' | 'aborted' | 'tool_calls';

/** The result of one generation. */
export interface Generation {
  text: string;
  finishReason: FinishReason;
  /** Tokens in the prompt as the model saw it (chat template included). */
  promptTokens: number;
  /** Tokens generated. */
  completionTokens: number;
  /** The tools the model called (then `finishReason` is `tool_calls`). Absent when it called none. */
  toolCalls?: ToolCall[];
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
