import { AndesError } from '@andes-rag/core';
import { createDefaultParserRegistry } from '@andes-rag/retrieval';

/**
 * Turns what a user typed for a document-type filter into media types: a media type (`text/markdown`) is kept
 * (lower-cased, parameters dropped); a file extension with or without its dot (`md`, `.html`) becomes the
 * media type ingestion gives such files. Duplicates are dropped.
 *
 * @throws AndesError `invalid_request` for an extension no parser handles, naming the supported ones.
 */
export function resolveMediaTypes(types: readonly string[]): string[] {
  const supported = createDefaultParserRegistry().supportedTypes();
  const resolved = new Set<string>();
  for (const type of types.map((entry) => entry.trim().toLowerCase()).filter((entry) => entry !== '')) {
    if (type.includes('/')) {
      resolved.add(type.split(';')[0]?.trim() ?? type);
      continue;
    }
    const extension = type.startsWith('.') ? type : `.${type}`;
    const match = supported.find((entry) => entry.extensions.includes(extension));
    if (!match) {
      const known = supported.flatMap((entry) => entry.extensions.map((name) => name.slice(1))).join(', ');
      throw new AndesError('invalid_request', `Unknown document type "${type}": use a media type or one of ${known}.`, {
        details: { type },
      });
    }
    resolved.add(match.mediaType);
  }
  return [...resolved];
}
