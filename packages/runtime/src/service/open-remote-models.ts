import type { ChatModel, EmbeddingModel, Logger, Reranker } from '@andes-rag/core';
import { LlamaReranker } from '@andes-rag/embeddings';
import { assertGgufFile, connectRemoteModels, loadLlamaBackend } from '@andes-rag/inference';
import type { AndesConfig } from '../config/andes-config.js';

/** The models {@link openRemoteModels} connects to (the shape of `OpenedModels`, declared here against an import cycle). */
export interface RemoteOpenedModels {
  chatModel: ChatModel | undefined;
  embeddingModel: EmbeddingModel | undefined;
  reranker?: Reranker | undefined;
  dispose(): Promise<void>;
}

/**
 * Chat and embedding models from the OpenAI-compatible servers of `config.inferenceUrls` (see
 * `inference-config.ts`); a configured reranker (`rerankModelPath`) still runs here, on a local llama.cpp backend.
 *
 * @throws AndesError `model_error` when no server answers or a named model is not served; `model_not_found`,
 *   `invalid_model_file` for a bad reranker path.
 */
export async function openRemoteModels(config: AndesConfig, logger: Logger): Promise<RemoteOpenedModels> {
  const { rerankModelPath } = config;
  if (rerankModelPath) await assertGgufFile(rerankModelPath);
  const remote = await connectRemoteModels({
    urls: config.inferenceUrls,
    timeoutMs: config.inferenceTimeoutMs,
    defaultMaxTokens: config.maxAnswerTokens,
    logger,
    ...(config.inferenceApiKey === undefined ? {} : { apiKey: config.inferenceApiKey }),
    ...(config.inferenceChatModel === undefined ? {} : { chatModel: config.inferenceChatModel }),
    ...(config.inferenceEmbeddingModel === undefined ? {} : { embeddingModel: config.inferenceEmbeddingModel }),
    ...(config.contextSize === undefined ? {} : { contextSize: config.contextSize }),
  });
  if (!rerankModelPath) {
    return { chatModel: remote.chatModel, embeddingModel: remote.embeddingModel, dispose: async () => {} };
  }
  const llama = await loadLlamaBackend({ gpu: config.gpu, logger });
  try {
    const reranker = await LlamaReranker.load({ llama, modelPath: rerankModelPath, threads: config.threads, logger });
    return {
      chatModel: remote.chatModel,
      embeddingModel: remote.embeddingModel,
      reranker,
      dispose: async () => {
        await reranker.dispose();
        await llama.dispose();
      },
    };
  } catch (error) {
    await llama.dispose();
    throw error;
  }
}
