import { stat } from 'node:fs/promises';
import { AndesError } from '@andes/core';
import { readGgufFileInfo } from 'node-llama-cpp';
import { assertGgufFile } from '../model-file/assert-gguf-file.js';
import type { ModelInspection } from './model-inspection.js';

const llama3VocabularySize = 128256;
const f16Bytes = 2;

/**
 * Reads a GGUF file's architecture, tokenizer and KV-cache cost without loading the weights.
 * Rejects with `model_not_found` / `invalid_model_file` like {@link assertGgufFile}.
 */
export async function inspectModel(path: string): Promise<ModelInspection> {
  await assertGgufFile(path);
  const info = await readGgufFileInfo(path, {
    readTensorInfo: false,
    logWarnings: false,
    ignoreKeys: ['tokenizer.ggml.merges', 'tokenizer.ggml.token_type', 'tokenizer.ggml.scores'],
  }).catch((error: unknown) => {
    throw new AndesError('invalid_model_file', `Could not read GGUF metadata of ${path}: ${String(error)}`, { cause: error });
  });
  const shape = info.architectureMetadata;
  const tokenizer = info.metadata.tokenizer?.ggml;
  const layers = shape.block_count;
  const heads = shape.attention?.head_count;
  const kvHeadsPerLayer = perLayer(shape.attention?.head_count_kv ?? heads, layers);
  const headDimension =
    shape.attention?.key_length ?? (shape.embedding_length && heads ? shape.embedding_length / heads : undefined);
  const valueDimension = shape.attention?.value_length ?? headDimension;
  const vocabularySize = tokenizer?.tokens?.length ?? shape.vocab_size ?? 0;

  return {
    path,
    fileBytes: (await stat(path)).size,
    name: info.metadata.general.name,
    architecture: info.metadata.general.architecture,
    layers,
    heads,
    kvHeads: kvHeadsPerLayer === undefined ? undefined : Math.max(...kvHeadsPerLayer),
    headDimension,
    embeddingLength: shape.embedding_length,
    feedForwardLength: firstNumber(shape.feed_forward_length),
    vocabularySize,
    contextLength: shape.context_length,
    ropeFrequencyBase: shape.rope?.freq_base,
    tokenizerPre: tokenizer?.pre,
    llama3Tokenizer: tokenizer?.pre === 'llama-bpe' && vocabularySize === llama3VocabularySize,
    hasChatTemplate: typeof info.metadata.tokenizer?.chat_template === 'string',
    kvCacheBytesPerToken:
      kvHeadsPerLayer === undefined || headDimension === undefined || valueDimension === undefined
        ? undefined
        : kvHeadsPerLayer.reduce((sum, kvHeads) => sum + kvHeads, 0) * (headDimension + valueDimension) * f16Bytes,
  };
}

/** KV heads of every layer, from a single count or a per-layer list. */
function perLayer(kvHeads: number | readonly number[] | undefined, layers: number | undefined): number[] | undefined {
  if (kvHeads === undefined || layers === undefined) return undefined;
  if (typeof kvHeads === 'number') return new Array<number>(layers).fill(kvHeads);
  return [...kvHeads];
}

function firstNumber(value: number | readonly number[] | undefined): number | undefined {
  return typeof value === 'number' || value === undefined ? value : value[0];
}
