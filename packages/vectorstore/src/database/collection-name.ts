import { AndesError } from '@andes-rag/core';

/** What a collection name may look like: 1-64 characters, letters, digits, `_`, `.`, `-`, starting alphanumeric. */
export const collectionNamePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Throws an AndesError `invalid_request` unless `name` matches {@link collectionNamePattern}. */
export function assertCollectionName(name: string): void {
  if (typeof name !== 'string' || !collectionNamePattern.test(name)) {
    throw new AndesError(
      'invalid_request',
      `Invalid collection name ${JSON.stringify(name)}: use 1-64 letters, digits, "_", "." or "-", starting with a letter or digit`,
      { details: { collection: name } },
    );
  }
}
