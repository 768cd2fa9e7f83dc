import { AndesError, type ChunkEmbedding, type StoredEmbeddingModel } from '@andes-rag/core';

/** Throws an AndesError `invalid_request` unless `model` names an id and a positive number of dimensions. */
export function assertStoredEmbeddingModel(model: StoredEmbeddingModel): void {
  if (typeof model?.id !== 'string' || model.id.length === 0) {
    throw new AndesError('invalid_request', 'The embedding model needs a non-empty id');
  }
  if (!Number.isSafeInteger(model.dimensions) || model.dimensions < 1) {
    throw new AndesError('invalid_request', `Embedding dimensions must be a positive integer, got ${model.dimensions}`);
  }
}

/**
 * Throws an AndesError `invalid_request` unless every embedding names a chunk and is a finite vector of the model's
 * size.
 */
export function assertChunkEmbeddings(embeddings: ChunkEmbedding[], model: StoredEmbeddingModel): void {
  if (!Array.isArray(embeddings)) throw new AndesError('invalid_request', 'embeddings must be an array');
  for (const [position, { chunkId, vector }] of embeddings.entries()) {
    const fits =
      typeof chunkId === 'string' &&
      vector instanceof Float32Array &&
      vector.length === model.dimensions &&
      vector.every(Number.isFinite);
    if (!fits) {
      throw new AndesError(
        'invalid_request',
        `Embedding ${position} is not a chunk id with a finite Float32Array of ${model.dimensions} dimensions`,
        { details: { position } },
      );
    }
  }
}
