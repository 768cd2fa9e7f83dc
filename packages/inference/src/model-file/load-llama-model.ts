import { basename } from 'node:path';
import { AndesError, noopLogger, type Logger } from '@andes/core';
import type { Llama, LlamaModel } from 'node-llama-cpp';
import { assertGgufFile } from './assert-gguf-file.js';

/**
 * Checks the file with {@link assertGgufFile}, then loads it with llama.cpp (all layers on the GPU when the
 * backend has one and they fit). Failures inside llama.cpp become AndesError `model_error`.
 */
export async function loadLlamaModel(llama: Llama, modelPath: string, logger: Logger = noopLogger): Promise<LlamaModel> {
  await assertGgufFile(modelPath);
  try {
    const model = await llama.loadModel({ modelPath });
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
