import { AndesError, type KnowledgeStore } from '@andes-rag/core';
import { defaultOverlapWords, defaultTargetWords, type ChunkOptions } from '@andes-rag/retrieval';

/**
 * The chunk options for a target size in words: the size, and an overlap of a fifth of it up to the default 30
 * words (the rule `andes eval --chunk-sizes` re-chunks copies with; 200 words gives the defaults).
 */
export function chunkOptionsForSize(chunkSize: number): ChunkOptions {
  return { targetWords: chunkSize, overlapWords: Math.min(defaultOverlapWords, Math.floor(chunkSize / 5)) };
}

/**
 * Settles the chunk size of an ingestion into `collection` and records it with the collection (creating it when
 * missing): the size asked for, else the one recorded, else {@link defaultTargetWords}. A collection made before
 * sizes were recorded counts as chunked at the default once it holds documents.
 *
 * Changing the size of a collection that holds documents is refused (`conflict`, HTTP 409, CLI exit 2) rather than
 * mixing chunk sizes in one collection or re-chunking silently: the store keeps chunk text, not the original files.
 * An empty collection takes any size.
 */
export async function prepareCollectionChunking(
  store: KnowledgeStore,
  collection: string,
  requested: number | undefined,
): Promise<ChunkOptions> {
  if (requested !== undefined && (!Number.isSafeInteger(requested) || requested < 1)) {
    throw new AndesError(
      'invalid_request',
      `The chunk size must be a positive whole number of words, got ${requested}.`,
    );
  }
  const existing = await store.getCollection(collection);
  const documents = existing?.documentCount ?? 0;
  const recorded = existing?.chunkSize ?? (documents > 0 ? defaultTargetWords : undefined);
  const chunkSize = requested ?? recorded ?? defaultTargetWords;
  if (documents > 0 && recorded !== undefined && recorded !== chunkSize) {
    throw new AndesError(
      'conflict',
      `Collection ${JSON.stringify(collection)} holds ${documents} document(s) chunked at ${recorded} words, so it ` +
        `cannot take a chunk size of ${chunkSize}. Ingest into a new collection with --chunk-size ${chunkSize} ` +
        `(HTTP: the chunkSize field), or delete this collection's documents and ingest them again. ` +
        `\`andes eval --compare --chunk-sizes ${chunkSize}\` measures that size on a temporary copy first.`,
      { details: { collection, chunkSize: recorded, requested: chunkSize, documents } },
    );
  }
  await store.ensureCollection(collection, { chunkSize });
  return chunkOptionsForSize(chunkSize);
}
