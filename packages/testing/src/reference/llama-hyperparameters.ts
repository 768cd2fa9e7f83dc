import { AndesError } from '@andes-rag/core';
import type { GgufFile } from '@andes-rag/gguf';

/** The numbers that fix a Llama model's shape, as its GGUF metadata states them. */
export interface LlamaHyperparameters {
  /** Tokens in the vocabulary (rows of the token embedding). */
  vocabularySize: number;
  /** Width of the residual stream (the hidden size). */
  embeddingLength: number;
  /** Transformer blocks. */
  blockCount: number;
  /** Query heads. */
  headCount: number;
  /** Key/value heads; `headCount / kvHeadCount` query heads share each (grouped-query attention). */
  kvHeadCount: number;
  /** Width of one head: `embeddingLength / headCount`. */
  headDimension: number;
  /** Hidden width of the SwiGLU feed-forward network. */
  feedForwardLength: number;
  /** RoPE's θ base: Llama 3 uses 500,000 (Llama 2 used 10,000). */
  ropeFrequencyBase: number;
  /** ε added inside RMSNorm's square root. */
  rmsNormEpsilon: number;
}

/** Reads {@link LlamaHyperparameters} from a GGUF of architecture `llama`; `invalid_model_file` otherwise. */
export function readLlamaHyperparameters(gguf: GgufFile): LlamaHyperparameters {
  const number = (key: string, fallback?: number): number => {
    const entry = gguf.metadata[key];
    if (entry !== undefined && (typeof entry.value === 'number' || typeof entry.value === 'bigint'))
      return Number(entry.value);
    if (fallback !== undefined) return fallback;
    throw new AndesError('invalid_model_file', `GGUF metadata "${key}" is missing from ${gguf.path}`);
  };
  const architecture = gguf.metadata['general.architecture']?.value;
  if (architecture !== 'llama') {
    throw new AndesError(
      'invalid_model_file',
      `The reference forward pass reads architecture llama, not ${String(architecture)}`,
    );
  }
  const tokens = gguf.metadata['tokenizer.ggml.tokens'];
  const embeddingLength = number('llama.embedding_length');
  const headCount = number('llama.attention.head_count');
  return {
    vocabularySize: number('llama.vocab_size', tokens?.type === 'array' ? tokens.value.length : undefined),
    embeddingLength,
    blockCount: number('llama.block_count'),
    headCount,
    kvHeadCount: number('llama.attention.head_count_kv', headCount),
    headDimension: embeddingLength / headCount,
    feedForwardLength: number('llama.feed_forward_length'),
    ropeFrequencyBase: number('llama.rope.freq_base', 10000),
    rmsNormEpsilon: number('llama.attention.layer_norm_rms_epsilon'),
  };
}
