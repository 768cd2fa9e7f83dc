import { AndesError } from '@andes-rag/core';

/** The one `not_found` for a document that does not exist and for one the caller may not read: they look the same. */
export function documentNotFound(collection: string, documentId: string): AndesError {
  return new AndesError('not_found', `No document ${documentId} in collection ${collection}.`, {
    details: { collection, documentId },
  });
}
