import type { ModelResourceEstimate } from './model-resource-estimate.js';

/**
 * What a GGUF file says about the model inside, as {@link inspectModel} reads it. Shape figures are
 * undefined when the file does not state them.
 */
export interface ModelInspection {
  /** The file inspected. */
  path: string;
  /** Size of the file in bytes. */
  fileBytes: number;
  /** `general.name`, when set. */
  name: string | undefined;
  /** `general.architecture`, e.g. `llama`. */
  architecture: string;
  /** Transformer blocks. */
  layers: number | undefined;
  /** Attention (query) heads. */
  heads: number | undefined;
  /** Key/value heads (the largest, where layers differ); fewer than `heads` means grouped-query attention. */
  kvHeads: number | undefined;
  /** Dimension of one attention head. */
  headDimension: number | undefined;
  /** Hidden size. */
  embeddingLength: number | undefined;
  /** Feed-forward hidden size. */
  feedForwardLength: number | undefined;
  /** Tokens in the vocabulary. */
  vocabularySize: number;
  /** Context length the model was trained with. */
  contextLength: number | undefined;
  /** RoPE frequency base. */
  ropeFrequencyBase: number | undefined;
  /** `tokenizer.ggml.pre`, e.g. `llama-bpe`. */
  tokenizerPre: string | undefined;
  /** True for the Llama 3 tokenizer: pre-tokenizer `llama-bpe` and 128,256 tokens. */
  llama3Tokenizer: boolean;
  /** Whether the file carries a chat template. */
  hasChatTemplate: boolean;
  /** Bytes of KV cache per token of context with an F16 cache: layers × KV heads × (key + value dims) × 2. */
  kvCacheBytesPerToken: number | undefined;
  /** Memory needed here for the context size asked for, and whether it fits; only when one was asked for. */
  resources?: ModelResourceEstimate;
}
