import { AndesError, principalPattern, type DocumentWrite } from '@andes-rag/core';
import { assertCollectionName } from '../database/collection-name.js';

function invalid(message: string, details: Record<string, unknown> = {}): AndesError {
  return new AndesError('invalid_request', message, { details });
}

/**
 * Checks a write before anything touches the database: a valid collection name, the document's fields, sane chunk
 * provenance, and one finite vector per chunk, all of one length. Throws an AndesError `invalid_request`.
 * Returns the embeddings' length, or undefined when the write carries none.
 */
export function validateDocumentWrite(write: DocumentWrite): number | undefined {
  assertCollectionName(write.collection);
  const { document, chunks, embeddings } = write;
  for (const field of ['source', 'title', 'mediaType', 'text', 'contentHash'] as const) {
    if (typeof document?.[field] !== 'string') throw invalid(`document.${field} must be a string`);
  }
  if (document.source.length === 0) throw invalid('document.source must not be empty');
  if (
    document.tags !== undefined &&
    !(Array.isArray(document.tags) && document.tags.every((tag) => typeof tag === 'string'))
  ) {
    throw invalid('document.tags must be an array of strings');
  }
  if (
    document.access !== undefined &&
    !(
      Array.isArray(document.access) &&
      document.access.every((principal) => typeof principal === 'string' && principalPattern.test(principal))
    )
  ) {
    throw invalid('document.access must be an array of principals, each group:<name> or key:<id>');
  }
  if (!Array.isArray(chunks)) throw invalid('chunks must be an array');
  for (const [position, chunk] of chunks.entries()) {
    const integers = [chunk.index, chunk.startOffset, chunk.endOffset];
    if (chunk.page !== undefined) integers.push(chunk.page);
    const wellFormed =
      typeof chunk.text === 'string' &&
      Array.isArray(chunk.headingPath) &&
      chunk.headingPath.every((heading) => typeof heading === 'string') &&
      integers.every((value) => Number.isSafeInteger(value));
    if (!wellFormed) throw invalid(`chunk ${position} is malformed`, { chunk: position });
  }
  if (embeddings === undefined || chunks.length === 0) return undefined;
  if (!Array.isArray(embeddings) || embeddings.length !== chunks.length) {
    throw invalid(`Got ${embeddings.length} embeddings for ${chunks.length} chunks`);
  }
  const dimensions = embeddings[0]?.length ?? 0;
  if (dimensions === 0) throw invalid('Embeddings must not be empty');
  for (const [position, vector] of embeddings.entries()) {
    if (!(vector instanceof Float32Array) || vector.length !== dimensions) {
      throw invalid(`Embedding ${position} is not a Float32Array of ${dimensions} dimensions`, { chunk: position });
    }
    if (!vector.every(Number.isFinite)) {
      throw invalid(`Embedding ${position} holds a non-finite number`, { chunk: position });
    }
  }
  return dimensions;
}
