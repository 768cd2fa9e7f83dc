import type { CollectionInfo, EmbeddingModel, Logger } from '@andes-rag/core';

/**
 * Why dense retrieval cannot run on this collection, or undefined when it can: no embedding model configured,
 * no vectors stored, or vectors from another model (their similarities to this model's query would be noise).
 */
export function denseSkipReason(
  info: CollectionInfo,
  model: EmbeddingModel | undefined,
  logger: Logger,
): string | undefined {
  if (!model) return 'no embedding model configured';
  if (info.embeddingDimensions === undefined) return 'the collection has no embeddings';
  if (info.embeddingModel !== undefined && info.embeddingModel !== model.id) {
    logger.warn('collection embedded with another model; dense retrieval skipped', {
      collection: info.name,
      stored: info.embeddingModel,
      configured: model.id,
    });
    return `the collection was embedded with ${info.embeddingModel}, not ${model.id}`;
  }
  if (info.embeddingDimensions !== model.dimensions) {
    return `the collection has ${info.embeddingDimensions}-dimensional embeddings, the model makes ${model.dimensions}`;
  }
  return undefined;
}
