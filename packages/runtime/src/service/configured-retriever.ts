import type { KnowledgeStore, Logger } from '@andes-rag/core';
import { HybridRetriever, QueryRewriter } from '@andes-rag/retrieval';
import type { AndesConfig } from '../config/andes-config.js';
import type { OpenedModels } from './open-models.js';

/**
 * The retriever a configuration describes: BM25, dense retrieval with an embedding model, reranking with a
 * reranker, the relevance threshold, and query rewriting when a chat model is configured (condensation of
 * follow-ups by default; multi-query and HyDE only when turned on).
 */
export function configuredRetriever(
  config: AndesConfig,
  models: OpenedModels,
  store: KnowledgeStore,
  logger: Logger,
): HybridRetriever {
  const { chatModel, embeddingModel, reranker } = models;
  const rewrites = config.condenseFollowUps || config.multiQuery > 0 || config.hyde;
  return new HybridRetriever({
    store,
    logger,
    rrfK: config.rrfK,
    documentBoost: config.documentBoost,
    rerankCandidates: config.rerankCandidates,
    relevance: {
      minTermCoverage: config.minTermCoverage,
      ...(config.minRerankScore === undefined ? {} : { minRerankScore: config.minRerankScore }),
    },
    ...(embeddingModel ? { embeddingModel } : {}),
    ...(reranker ? { reranker } : {}),
    ...(chatModel && rewrites
      ? {
          rewriter: new QueryRewriter({
            chatModel,
            condenseFollowUps: config.condenseFollowUps,
            multiQuery: config.multiQuery,
            hypotheticalDocument: config.hyde,
            logger,
          }),
        }
      : {}),
  });
}
