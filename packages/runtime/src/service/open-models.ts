import type { ChatModel, EmbeddingModel, Logger, Reranker } from '@andes-rag/core';
import { LlamaEmbeddingModel, LlamaReranker } from '@andes-rag/embeddings';
import {
  assertGgufFile,
  assertLoraAdapterFile,
  LlamaChatModel,
  loadLlamaBackend,
  resolveModelReference,
} from '@andes-rag/inference';
import type { AndesConfig } from '../config/andes-config.js';
import { maxQueryEmbeddingTokens } from '../limits/request-limits.js';
import { openRemoteModels } from './open-remote-models.js';

/** The models a configuration asks for; either may be absent. */
export interface OpenedModels {
  chatModel: ChatModel | undefined;
  embeddingModel: EmbeddingModel | undefined;
  /** The cross-encoder that reranks search results (`rerankModelPath`), or undefined. */
  reranker?: Reranker | undefined;
  dispose(): Promise<void>;
}

/**
 * Checks every configured GGUF path first (so a wrong path fails before anything loads), then loads one llama.cpp
 * backend and the chat and embedding models on it. Loads nothing when no model is configured. With
 * `config.inferenceUrls`, connects to those servers instead (`openRemoteModels`).
 *
 * @throws AndesError `model_not_found`, `invalid_model_file`, `model_error`.
 */
export async function openModels(config: AndesConfig, logger: Logger): Promise<OpenedModels> {
  // Remote OpenAI-compatible servers replace the local chat and embedding models (`inference-config.ts`).
  if (config.inferenceUrls.length > 0) return openRemoteModels(config, logger);
  // A model URI (`hf:…`, `https://…`) names a model `andes models pull` fetched into the models directory.
  const resolve = (reference: string | undefined) =>
    reference === undefined ? undefined : resolveModelReference(reference, config.modelsDir);
  const modelPath = resolve(config.modelPath);
  const embeddingModelPath = resolve(config.embeddingModelPath);
  const rerankModelPath = resolve(config.rerankModelPath);
  if (modelPath) await assertGgufFile(modelPath);
  if (embeddingModelPath) await assertGgufFile(embeddingModelPath);
  if (rerankModelPath) await assertGgufFile(rerankModelPath);
  for (const adapter of Object.values(config.loraAdapters)) await assertLoraAdapterFile(adapter.path);
  if (!modelPath && !embeddingModelPath && !rerankModelPath) {
    return { chatModel: undefined, embeddingModel: undefined, dispose: async () => {} };
  }
  const llama = await loadLlamaBackend({ gpu: config.gpu, logger });
  const loaded: Array<ChatModel | EmbeddingModel | Reranker> = [];
  try {
    const chatModel = modelPath
      ? await LlamaChatModel.load({
          llama,
          modelPath,
          contextSize: config.contextSize ?? 'auto',
          threads: config.threads,
          sequences: config.chatSequences,
          maxWaiting: config.maxQueuedRequests,
          ...(config.chatSpareSequences === undefined ? {} : { spareSequences: config.chatSpareSequences }),
          logger,
        })
      : undefined;
    if (chatModel) loaded.push(chatModel);
    const embeddingModel = embeddingModelPath
      ? await LlamaEmbeddingModel.load({
          llama,
          modelPath: embeddingModelPath,
          threads: config.threads,
          maxQueryTokens: maxQueryEmbeddingTokens,
          logger,
        })
      : undefined;
    if (embeddingModel) loaded.push(embeddingModel);
    const reranker = rerankModelPath
      ? await LlamaReranker.load({ llama, modelPath: rerankModelPath, threads: config.threads, logger })
      : undefined;
    if (reranker) loaded.push(reranker);
    return {
      chatModel,
      embeddingModel,
      reranker,
      dispose: async () => {
        await Promise.all(loaded.map((model) => model.dispose()));
        await llama.dispose();
      },
    };
  } catch (error) {
    await Promise.all(loaded.map((model) => model.dispose()));
    await llama.dispose();
    throw error;
  }
}
