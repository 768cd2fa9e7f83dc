import { AndesError } from '../errors/andes-error.js';

/** What a collection already holds, as far as vectors go: every store records both facts with the collection. */
export interface StoredEmbeddings {
  /** The collection's name, for the message. */
  name: string;
  /** Dimensions of the vectors it holds; null before its first vector. */
  dimensions: number | null;
  /** The embedding model that made them, when one was named; null otherwise. */
  model: string | null;
}

const reembedHint = 'run `andes reindex` with the new embedding model to re-embed the collection';

/**
 * The check every store makes before storing vectors: throws an AndesError `invalid_request`, naming both sides, when
 * embeddings do not match the vectors the collection already holds (other dimensions, or another embedding model
 * when both name one).
 */
export function assertEmbeddingsFit(stored: StoredEmbeddings, dimensions: number, model: string | undefined): void {
  if (stored.dimensions !== null && stored.dimensions !== dimensions) {
    throw new AndesError(
      'invalid_request',
      `Embeddings have ${dimensions} dimensions but collection ${JSON.stringify(stored.name)} holds ${stored.dimensions}-dimensional vectors; ${reembedHint}`,
      { details: { collection: stored.name, expected: stored.dimensions, received: dimensions } },
    );
  }
  if (model !== undefined && stored.model !== null && model !== stored.model) {
    throw new AndesError(
      'invalid_request',
      `Embeddings come from model ${JSON.stringify(model)} but collection ${JSON.stringify(stored.name)} holds vectors from ${JSON.stringify(stored.model)}; ${reembedHint}`,
      { details: { collection: stored.name, expected: stored.model, received: model } },
    );
  }
}
