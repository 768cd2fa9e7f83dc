import { createHash } from 'node:crypto';
import { afterEach, beforeEach, expect } from 'vitest';
import { AndesError, type AndesErrorCode, type DocumentWrite, type KnowledgeStore } from '@andes-rag/core';

/**
 * Opens a fresh, empty store for one test. `cleanup` must close the store and remove whatever it created.
 */
export type OpenKnowledgeStore = () => Promise<{ store: KnowledgeStore; cleanup: () => Promise<void> }>;

/** The store of the running test: opened before each test, cleaned up after it. */
export interface StoreUnderTest {
  readonly store: KnowledgeStore;
}

/** Registers the hooks that give every test of the enclosing `describe` its own store. */
export function useStore(openStore: OpenKnowledgeStore): StoreUnderTest {
  let opened: Awaited<ReturnType<OpenKnowledgeStore>> | undefined;
  beforeEach(async () => {
    opened = await openStore();
  });
  afterEach(async () => {
    await opened?.cleanup();
    opened = undefined;
  });
  return {
    get store() {
      if (!opened) throw new Error('The store is only open inside a test');
      return opened.store;
    },
  };
}

/** One chunk of a test document. */
export interface TestChunk {
  text: string;
  headingPath?: string[];
  page?: number;
  vector?: Float32Array;
}

/** A test document: chunks laid end to end, hashed from their text unless `version` says otherwise. */
export interface TestDocument {
  collection?: string;
  source: string;
  title?: string;
  mediaType?: string;
  chunks: TestChunk[];
  /** Mixed into the content hash, to make a new version with the same text. */
  version?: string;
  embeddingModel?: string;
  /** The document's tags. Default: none given. */
  tags?: string[];
  /** Who may read it (principals). Default: none given, everyone. */
  access?: string[];
}

/** The {@link DocumentWrite} for a test document; embeddings are included when every chunk has a vector. */
export function documentWrite(document: TestDocument): DocumentWrite {
  const text = document.chunks.map((chunk) => chunk.text).join('\n');
  const contentHash = createHash('sha256')
    .update(`${document.version ?? ''}\u0000${text}`)
    .digest('hex');
  let offset = 0;
  const chunks = document.chunks.map((chunk, index) => {
    const startOffset = offset;
    offset += chunk.text.length + 1;
    return {
      index,
      text: chunk.text,
      headingPath: chunk.headingPath ?? [],
      startOffset,
      endOffset: startOffset + chunk.text.length,
      ...(chunk.page === undefined ? {} : { page: chunk.page }),
    };
  });
  const vectors = document.chunks.map((chunk) => chunk.vector);
  const embeddings = vectors.every((vector) => vector !== undefined) && vectors.length > 0 ? vectors : undefined;
  return {
    collection: document.collection ?? 'docs',
    document: {
      source: document.source,
      title: document.title ?? document.source,
      mediaType: document.mediaType ?? 'text/markdown',
      text,
      contentHash,
      ...(document.tags === undefined ? {} : { tags: document.tags }),
      ...(document.access === undefined ? {} : { access: document.access }),
    },
    chunks,
    ...(embeddings ? { embeddings } : {}),
    ...(document.embeddingModel === undefined ? {} : { embeddingModel: document.embeddingModel }),
  };
}

/** A deterministic random unit vector (mulberry32 seeded by `seed`). */
export function randomUnitVector(dimensions: number, seed: number): Float32Array {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
  const vector = Float32Array.from({ length: dimensions }, next);
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
}

/** A unit vector along one axis. */
export function axisVector(dimensions: number, axis: number): Float32Array {
  const vector = new Float32Array(dimensions);
  vector[axis] = 1;
  return vector;
}

/** Awaits `promise`, expecting it to reject with an AndesError of `code`; returns the error. */
export async function expectAndesError(promise: Promise<unknown>, code: AndesErrorCode): Promise<AndesError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(AndesError.isInstance(error), `expected an AndesError "${code}", got ${String(error)}`).toBe(true);
  expect((error as AndesError).code).toBe(code);
  return error as AndesError;
}

/** Asserts that scores never increase down a result list. */
export function expectBestFirst(results: readonly { score: number }[]): void {
  for (let position = 1; position < results.length; position++) {
    expect(results[position]!.score).toBeLessThanOrEqual(results[position - 1]!.score);
  }
}
