import { basename } from 'node:path';
import { AndesError, noopLogger, type Logger } from '@andes-rag/core';
import type { Llama, LlamaModel, LlamaModelOptions } from 'node-llama-cpp';
import { assertGgufFile } from './assert-gguf-file.js';

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
}

/**
 * Checks the file with {@link assertGgufFile}, then loads it with llama.cpp (on a GPU, as many layers as fit its
 * free VRAM unless `options.gpuLayers` says otherwise). Failures inside llama.cpp become AndesError `model_error`.
 */
export async function loadLlamaModel(
  llama: Llama,
  modelPath: string,
  logger: Logger = noopLogger,
  options: LoadLlamaModelOptions = {},
): Promise<LlamaModel> {
  await assertGgufFile(modelPath);
  try {
    const model = await llama.loadModel({ modelPath, gpuLayers: options.gpuLayers ?? 'auto' });
    logger.info('model loaded', { model: basename(modelPath), gpuLayers: model.gpuLayers, bytes: model.size });
    return model;
  } catch (error) {
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
