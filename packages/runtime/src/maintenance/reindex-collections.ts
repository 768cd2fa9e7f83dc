import { AndesError, noopLogger, type CollectionInfo, type EmbeddingModel, type Logger } from '@andes-rag/core';
import { chunkIndexText } from '@andes-rag/retrieval';
import type { CollectionReindexReport, MaintainedStore, ReindexOptions, ReindexReport } from './reindex-options.js';

/** Chunks embedded and stored per transaction: the same batch size as ingestion. */
const embeddingBatchSize = 32;

/** What {@link reindexCollections} works with. */
export interface ReindexParts {
  store: MaintainedStore;
  /** The configured embedding model; without one, stored vectors are only re-indexed. */
  embeddingModel: EmbeddingModel | undefined;
  /** Default: {@link noopLogger}. */
  logger?: Logger;
}

/**
 * Rebuilds every index of the named collection (or all) from the database, the source of truth. With an embedding
 * model configured, first embeds the chunks that have no vector (documents stored before a model was configured),
 * after dropping the collection's vectors when they came from another model. Ends with an integrity check.
 *
 * @throws AndesError `collection_not_found`, `aborted`, `model_error`, `storage_error`.
 */
export async function reindexCollections(parts: ReindexParts, options: ReindexOptions = {}): Promise<ReindexReport> {
  const { store } = parts;
  let collections = await store.listCollections();
  if (options.collection !== undefined) {
    collections = collections.filter((collection) => collection.name === options.collection);
    if (collections.length === 0) {
      throw new AndesError('collection_not_found', `Collection "${options.collection}" does not exist.`, {
        details: { collection: options.collection },
      });
    }
  }
  const reports: CollectionReindexReport[] = [];
  for (const collection of collections) reports.push(await reindexCollection(parts, collection, options));
  return { collections: reports, integrity: await store.verifyIntegrity() };
}

async function reindexCollection(
  parts: ReindexParts,
  collection: CollectionInfo,
  options: ReindexOptions,
): Promise<CollectionReindexReport> {
  const { store, embeddingModel } = parts;
  const logger = parts.logger ?? noopLogger;
  let replacedVectorsFrom: string | undefined;
  let embedded = 0;
  // Stored vectors of the wrong size (damage) are dropped first: re-embedded below when a model is configured,
  // else the chunks stay found by BM25 only. Never a reason for a reindex to fail.
  const dropped = await store.dropMalformedEmbeddings?.(collection.name);
  if (dropped && dropped.chunks > 0) {
    logger.warn('dropped malformed vectors', {
      collection: collection.name,
      chunks: dropped.chunks,
      sources: dropped.sources,
    });
  }
  if (embeddingModel) {
    const model = { id: embeddingModel.id, dimensions: embeddingModel.dimensions };
    const storedModel = collection.embeddingModel;
    const fromOtherModel =
      (storedModel !== undefined && storedModel !== model.id) ||
      (collection.embeddingDimensions !== undefined && collection.embeddingDimensions !== model.dimensions);
    if (fromOtherModel) {
      replacedVectorsFrom = storedModel ?? `${collection.embeddingDimensions}-dimensional vectors`;
      const fields = { collection: collection.name, replacedVectorsFrom };
      logger.info('dropping vectors from another embedding model', fields);
      await store.resetEmbeddings(collection.name, model);
    }
    embedded = await embedMissingChunks(store, embeddingModel, collection.name, options);
  }
  const [rebuilt] = await store.rebuildIndexes(collection.name);
  logger.info('reindexed', { collection: collection.name, embedded });
  return { ...rebuilt!, embeddingModel: embeddingModel?.id, replacedVectorsFrom, embedded };
}

/** Embeds the collection's chunks that have no vector, batch by batch; each batch is stored in one transaction. */
async function embedMissingChunks(
  store: MaintainedStore,
  embeddingModel: EmbeddingModel,
  collection: string,
  options: ReindexOptions,
): Promise<number> {
  const model = { id: embeddingModel.id, dimensions: embeddingModel.dimensions };
  let embedded = 0;
  let total: number | undefined;
  for (;;) {
    if (options.signal?.aborted) throw new AndesError('aborted', 'Reindexing was cancelled.');
    const { chunks, remaining } = await store.chunksWithoutEmbeddings(collection, embeddingBatchSize);
    total ??= remaining;
    if (chunks.length === 0) return embedded;
    const texts = chunks.map((chunk) => chunkIndexText(chunk));
    const vectors = await embeddingModel.embedDocuments(texts, options.signal ? { signal: options.signal } : {});
    if (vectors.length !== chunks.length) {
      const counts = `${vectors.length} vectors for ${chunks.length} texts`;
      throw new AndesError('model_error', `Embedding model ${model.id} returned ${counts}.`);
    }
    // Chunks deleted or embedded meanwhile (another process writing) are skipped, and not listed again.
    embedded += await store.setEmbeddings(
      collection,
      chunks.map((chunk, position) => ({ chunkId: chunk.chunkId, vector: vectors[position]! })),
      model,
    );
    options.onProgress?.({ collection, embedded, total: Math.max(total, embedded) });
  }
}
