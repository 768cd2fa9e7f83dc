import {
  AndesError,
  principalPattern,
  type ChunkEmbedding,
  type DocumentWrite,
  type StoredEmbeddingModel,
  type StoreSearchOptions,
} from '@andes-rag/core';

// The checks below say the same as the SQLite store's (`packages/vectorstore/src/documents/validate-document-write.ts`,
// `store/search-options.ts`, `database/collection-name.ts`): both stores must refuse the same input with the same code.

/** What a collection name may look like: 1-64 characters, letters, digits, `_`, `.`, `-`, starting alphanumeric. */
export const collectionNamePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

function invalid(message: string, details: Record<string, unknown> = {}): AndesError {
  return new AndesError('invalid_request', message, { details });
}

/** Throws `invalid_request` unless `name` matches {@link collectionNamePattern}. */
export function assertCollectionName(name: string): void {
  if (typeof name !== 'string' || !collectionNamePattern.test(name)) {
    throw invalid(
      `Invalid collection name ${JSON.stringify(name)}: use 1-64 letters, digits, "_", "." or "-", starting with a letter or digit`,
      { collection: name },
    );
  }
}

/** Throws `invalid_request` unless `chunkSize` is a positive integer. */
export function assertChunkSize(chunkSize: unknown): asserts chunkSize is number {
  if (typeof chunkSize !== 'number' || !Number.isSafeInteger(chunkSize) || chunkSize < 1) {
    throw invalid(`The chunk size must be a positive whole number of words, got ${String(chunkSize)}.`);
  }
}

/** Throws `invalid_request` unless `k` is a positive integer. */
export function assertSearchOptions(options: StoreSearchOptions): void {
  if (!Number.isSafeInteger(options?.k) || options.k < 1) {
    throw invalid(`k must be a positive integer, got ${String(options?.k)}`, { k: options?.k });
  }
}

/** Throws `invalid_request` unless `vector` is finite and has the collection's dimensions (any while it has none). */
export function assertQueryVector(vector: Float32Array, dimensions: number | undefined, collection: string): void {
  if (!(vector instanceof Float32Array) || !vector.every(Number.isFinite)) {
    throw invalid('The query vector must be a Float32Array of finite numbers');
  }
  if (dimensions !== undefined && vector.length !== dimensions) {
    throw invalid(
      `The query vector has ${vector.length} dimensions but collection ${JSON.stringify(collection)} holds ${dimensions}-dimensional vectors`,
      { collection, expected: dimensions, received: vector.length },
    );
  }
}

/**
 * Checks a write before anything touches the database: collection name, document fields, chunk provenance, and one
 * finite vector per chunk, all of one length. Returns the embeddings' length, or undefined when there are none.
 */
export function validateDocumentWrite(write: DocumentWrite): number | undefined {
  assertCollectionName(write.collection);
  const { document, chunks, embeddings } = write;
  for (const field of ['source', 'title', 'mediaType', 'text', 'contentHash'] as const) {
    if (typeof document?.[field] !== 'string') throw invalid(`document.${field} must be a string`);
  }
  if (document.source.length === 0) throw invalid('document.source must not be empty');
  const strings = (value: unknown) => Array.isArray(value) && value.every((entry) => typeof entry === 'string');
  if (document.tags !== undefined && !strings(document.tags))
    throw invalid('document.tags must be an array of strings');
  if (
    document.access !== undefined &&
    !(strings(document.access) && document.access.every((principal) => principalPattern.test(principal)))
  ) {
    throw invalid('document.access must be an array of principals, each group:<name> or key:<id>');
  }
  if (!Array.isArray(chunks)) throw invalid('chunks must be an array');
  for (const [position, chunk] of chunks.entries()) {
    const integers = [chunk.index, chunk.startOffset, chunk.endOffset];
    if (chunk.page !== undefined) integers.push(chunk.page);
    const wellFormed =
      typeof chunk.text === 'string' &&
      strings(chunk.headingPath) &&
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
    if (!vector.every(Number.isFinite)) throw invalid(`Embedding ${position} holds a non-finite number`);
  }
  return dimensions;
}

/** Throws `invalid_request` unless `model` names an id and a positive number of dimensions. */
export function assertStoredEmbeddingModel(model: StoredEmbeddingModel): void {
  if (typeof model?.id !== 'string' || model.id.length === 0) throw invalid('The embedding model needs a non-empty id');
  if (!Number.isSafeInteger(model.dimensions) || model.dimensions < 1) {
    throw invalid(`Embedding dimensions must be a positive integer, got ${model.dimensions}`);
  }
}

/** Throws `invalid_request` unless every embedding names a chunk and is a finite vector of the model's size. */
export function assertChunkEmbeddings(embeddings: ChunkEmbedding[], model: StoredEmbeddingModel): void {
  if (!Array.isArray(embeddings)) throw invalid('embeddings must be an array');
  for (const [position, { chunkId, vector }] of embeddings.entries()) {
    const fits =
      typeof chunkId === 'string' &&
      vector instanceof Float32Array &&
      vector.length === model.dimensions &&
      vector.every(Number.isFinite);
    if (!fits) {
      throw invalid(
        `Embedding ${position} is not a chunk id with a finite Float32Array of ${model.dimensions} dimensions`,
        { position },
      );
    }
  }
}

/** Tags or principals as stored: trimmed, without empty or repeated entries, sorted. */
export function normalizeLabels(labels: readonly string[] | undefined): string[] {
  const kept = new Set<string>();
  for (const label of labels ?? []) {
    const trimmed = label.trim();
    if (trimmed.length > 0) kept.add(trimmed);
  }
  return [...kept].sort();
}
