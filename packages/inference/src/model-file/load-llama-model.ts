import { basename } from 'node:path';
import { AndesError, noopLogger, type Logger } from '@andes-rag/core';
import type { Llama, LlamaModel, LlamaModelOptions } from 'node-llama-cpp';
import { assertGgufFile } from './assert-gguf-file.js';
import { modelLoadCancelled, throwIfLoadCancelled } from './model-load-cancelled.js';

/**
 * How many of the model's layers go to the GPU. `auto`: as many as fit the free VRAM while leaving room for a
 * context; `max`: all of them, failing when they do not fit; a number: that many; `{ fitContext: { contextSize } }`:
 * as many as fit beside a context of that many tokens. Ignored without a GPU.
 */
export type GpuLayersChoice = LlamaModelOptions['gpuLayers'];

/** Options of {@link loadLlamaModel}. */
export interface LoadLlamaModelOptions {
  /** Layers offloaded to the GPU. Default `auto` (node-llama-cpp fits them to the free VRAM). */
  gpuLayers?: GpuLayersChoice;
  /**
   * Cancels the load: llama.cpp stops reading the weights, frees what it read, and the load rejects with AndesError
   * `aborted`. Default: none (the load runs to its end).
   */
  signal?: AbortSignal;
}

/**
 * Checks the file with {@link assertGgufFile}, then loads it with llama.cpp (on a GPU, as many layers as fit its
 * free VRAM unless `options.gpuLayers` says otherwise). Failures inside llama.cpp become AndesError `model_error`;
 * a load that `options.signal` cancels rejects with AndesError `aborted` and leaves nothing loaded.
 */
export async function loadLlamaModel(
  llama: Llama,
  modelPath: string,
  logger: Logger = noopLogger,
  options: LoadLlamaModelOptions = {},
): Promise<LlamaModel> {
  await assertGgufFile(modelPath);
  throwIfLoadCancelled(options.signal, modelPath);
  try {
    const model = await llama.loadModel({
      modelPath,
      gpuLayers: options.gpuLayers ?? 'auto',
      ...(options.signal === undefined ? {} : { loadSignal: options.signal }),
    });
    logger.info('model loaded', { model: basename(modelPath), gpuLayers: model.gpuLayers, bytes: model.size });
    return model;
  } catch (error) {
    // node-llama-cpp rejects with the signal's reason once it has freed the partly read weights.
    if (options.signal?.aborted) throw modelLoadCancelled(modelPath, error);
    throw new AndesError('model_error', `llama.cpp could not load ${modelPath}: ${String(error)}`, {
      cause: error,
      details: { path: modelPath },
    });
  }
}

/** A model's id for logs and APIs: its file name without `.gguf`. */
export function modelIdFromPath(modelPath: string): string {
  return basename(modelPath).replace(/\.gguf$/i, '');
}
