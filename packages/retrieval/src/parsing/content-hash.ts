import { createHash } from 'node:crypto';

/** Hex SHA-256 of a file's bytes: a document's version, compared to skip unchanged files. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
