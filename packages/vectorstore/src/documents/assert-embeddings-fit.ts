import { AndesError } from '@andes-rag/core';
import type { CollectionRow } from '../database/collection-rows.js';

const reembedHint = 'run `andes reindex` with the new embedding model to re-embed the collection';

/**
 * Throws an AndesError `invalid_request`, naming both sides, when embeddings do not match the vectors the collection
 * already holds: other dimensions, or another embedding model (when both name one).
 */
export function assertEmbeddingsFit(collection: CollectionRow, dimensions: number, model: string | undefined): void {
  const stored = collection.embedding_dimensions;
  if (stored !== null && stored !== dimensions) {
    throw new AndesError(
      'invalid_request',
      `Embeddings have ${dimensions} dimensions but collection ${JSON.stringify(collection.name)} holds ${stored}-dimensional vectors; ${reembedHint}`,
      { details: { collection: collection.name, expected: stored, received: dimensions } },
    );
  }
  const storedModel = collection.embedding_model;
  if (model !== undefined && storedModel !== null && model !== storedModel) {
    throw new AndesError(
      'invalid_request',
      `Embeddings come from model ${JSON.stringify(model)} but collection ${JSON.stringify(collection.name)} holds vectors from ${JSON.stringify(storedModel)}; ${reembedHint}`,
      { details: { collection: collection.name, expected: storedModel, received: model } },
    );
  }
}
