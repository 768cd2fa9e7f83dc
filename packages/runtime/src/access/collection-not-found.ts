import { AndesError } from '@andes-rag/core';

/**
 * The error for a collection that does not exist, word for word as the runtime and the retriever raise it, so a
 * collection a caller may not see is answered exactly like a missing one.
 */
export function collectionNotFoundError(collection: string): AndesError {
  return new AndesError('collection_not_found', `Collection "${collection}" does not exist.`, {
    details: { collection },
  });
}
