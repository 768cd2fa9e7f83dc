import { stat } from 'node:fs/promises';
import { AndesError } from '@andes-rag/core';
import type { Llama, readGgufFileInfo } from 'node-llama-cpp';
import { importNodeLlamaCpp } from '../backend/import-node-llama-cpp.js';
import { loadLlamaBackend, type GpuChoice } from '../backend/load-llama-backend.js';
import { assertGgufFile } from '../model-file/assert-gguf-file.js';
import { estimateModelResources } from './estimate-model-resources.js';
import type { ModelInspection } from './model-inspection.js';
import type { ModelResourceEstimate } from './model-resource-estimate.js';

const llama3VocabularySize = 128256;
const f16Bytes = 2;

/** Options of {@link inspectModel}. */
export interface InspectModelOptions {
  /**
   * Also estimate the VRAM and RAM for a context of this many tokens per sequence, and whether it fits this
   * machine now (`resources`). Default: no estimate, and no llama.cpp backend is loaded.
   */
  contextSize?: number;
  /** Sequences of that context (each holds `contextSize` tokens). Default 1. */
  sequences?: number;
  /** Layers on the GPU to estimate for. Default: as many as fit beside the context, as loading would choose. */
  gpuLayers?: number | 'max';
  /** The backend whose GPU and free memory count. Default: one loaded for `gpu`, and disposed afterwards. */
  llama?: Llama;
  /** The backend to load when no `llama` is given. Default `auto`. */
  gpu?: GpuChoice;
}

/**
 * Reads a GGUF file's architecture, tokenizer and KV-cache cost without loading the weights; with a
 * `contextSize`, also node-llama-cpp's estimate of the memory it would take here and whether it fits.
 * Rejects with `model_not_found` / `invalid_model_file` like {@link assertGgufFile}, `model_error` when no
 * backend loads for the estimate.
 */
export async function inspectModel(path: string, options: InspectModelOptions = {}): Promise<ModelInspection> {
  await assertGgufFile(path);
  const { readGgufFileInfo } = await importNodeLlamaCpp();
  const info = await readGgufFileInfo(path, {
    readTensorInfo: options.contextSize !== undefined,
    logWarnings: false,
    ignoreKeys: ['tokenizer.ggml.merges', 'tokenizer.ggml.token_type', 'tokenizer.ggml.scores'],
  }).catch((error: unknown) => {
    throw new AndesError('invalid_model_file', `Could not read GGUF metadata of ${path}: ${String(error)}`, {
      cause: error,
    });
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

  const resources =
    options.contextSize === undefined ? undefined : await estimateHere(info, options.contextSize, options);
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
    ...(resources === undefined ? {} : { resources }),
  };
}

async function estimateHere(
  info: Awaited<ReturnType<typeof readGgufFileInfo>>,
  contextSize: number,
  options: InspectModelOptions,
): Promise<ModelResourceEstimate> {
  if (!Number.isInteger(contextSize) || contextSize < 1) {
    throw new AndesError('invalid_request', `contextSize must be a positive integer, not ${contextSize}`);
  }
  const llama = options.llama ?? (await loadLlamaBackend({ gpu: options.gpu ?? 'auto' }));
  try {
    return await estimateModelResources(info, llama, {
      contextSize,
      sequences: options.sequences ?? 1,
      gpuLayers: options.gpuLayers,
    });
  } finally {
    if (options.llama === undefined) await llama.dispose();
  }
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
