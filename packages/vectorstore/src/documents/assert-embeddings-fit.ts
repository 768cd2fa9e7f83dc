import { assertEmbeddingsFit as assertStoredEmbeddingsFit } from '@andes-rag/core';
import type { CollectionRow } from '../database/collection-rows.js';

/** Core's `assertEmbeddingsFit` for a collection row: the vectors it holds against `dimensions` and `model`. */
export function assertEmbeddingsFit(collection: CollectionRow, dimensions: number, model: string | undefined): void {
  assertStoredEmbeddingsFit(
    { name: collection.name, dimensions: collection.embedding_dimensions, model: collection.embedding_model },
    dimensions,
    model,
  );
}
