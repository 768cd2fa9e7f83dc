import { AndesError, type ChatModel, type EmbeddingModel, type Logger, type Reranker } from '@andes-rag/core';
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
import { unlessCancelled } from './unless-cancelled.js';

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
 * `signal` cancels the loading: the model being read stops, every model already loaded and the backend are freed,
 * `model loading cancelled` is logged, and it rejects with AndesError `aborted`. Loading the llama.cpp backend
 * cannot be interrupted: a cancel during it rejects at once, and the backend is freed when it has loaded.
 *
 * @throws AndesError `model_not_found`, `invalid_model_file`, `model_error`, `aborted`.
 */
export async function openModels(config: AndesConfig, logger: Logger, signal?: AbortSignal): Promise<OpenedModels> {
  if (signal?.aborted) throw loadingCancelled(logger);
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
  // getLlama takes no signal: a cancel does not wait for it, and a backend that loads after one is freed.
  const llama = await unlessCancelled(loadLlamaBackend({ gpu: config.gpu, logger }), {
    signal,
    cancelled: () => loadingCancelled(logger),
    release: (late) => late.dispose(),
  });
  const loaded: Array<ChatModel | EmbeddingModel | Reranker> = [];
  const cancellable = signal === undefined ? {} : { signal };
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
          ...cancellable,
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
          ...cancellable,
        })
      : undefined;
    if (embeddingModel) loaded.push(embeddingModel);
    const reranker = rerankModelPath
      ? await LlamaReranker.load({ llama, modelPath: rerankModelPath, threads: config.threads, logger, ...cancellable })
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
    if (AndesError.isInstance(error) && error.code === 'aborted') throw loadingCancelled(logger, error);
    throw error;
  }
}

/** Logs that the loading stopped on its signal (a shutdown, not a failure) and returns the error to reject with. */
function loadingCancelled(logger: Logger, cause?: unknown): AndesError {
  logger.info('model loading cancelled');
  return new AndesError('aborted', 'Loading the models was cancelled', cause === undefined ? {} : { cause });
}
