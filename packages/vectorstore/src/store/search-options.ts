import { AndesError, type StoreSearchOptions } from '@andes-rag/core';

/** Throws an AndesError `invalid_request` unless `k` is a positive integer. */
export function assertSearchOptions(options: StoreSearchOptions): void {
  if (!Number.isSafeInteger(options?.k) || options.k < 1) {
    throw new AndesError('invalid_request', `k must be a positive integer, got ${String(options?.k)}`, {
      details: { k: options?.k },
    });
  }
}

/**
 * Throws an AndesError `invalid_request` unless `vector` is a Float32Array of finite numbers with the collection's
 * dimensions (any length while the collection has no vectors: the search then finds nothing).
 */
export function assertQueryVector(vector: Float32Array, dimensions: number | undefined, collection: string): void {
  if (!(vector instanceof Float32Array) || !vector.every(Number.isFinite)) {
    throw new AndesError('invalid_request', 'The query vector must be a Float32Array of finite numbers');
  }
  if (dimensions !== undefined && vector.length !== dimensions) {
    throw new AndesError(
      'invalid_request',
      `The query vector has ${vector.length} dimensions but collection ${JSON.stringify(collection)} holds ${dimensions}-dimensional vectors`,
      { details: { collection, expected: dimensions, received: vector.length } },
    );
  }
}
