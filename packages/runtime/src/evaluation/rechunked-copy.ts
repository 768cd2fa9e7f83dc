import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AndesError, type EmbeddingModel, type Logger } from '@andes-rag/core';
import { HybridRetriever, ingestDocument, type ChunkOptions, type ParserRegistry } from '@andes-rag/retrieval';
import { SqliteKnowledgeStore } from '@andes-rag/vectorstore';

/** Options for {@link openRechunkedCopy}. */
export interface RechunkedCopyOptions {
  /** The documents to copy: their sources, as stored. */
  sources: readonly string[];
  /** Returns a document's original bytes. */
  readSource: (source: string) => Promise<Uint8Array>;
  /** The chunk sizes of the copy. */
  chunkOptions: ChunkOptions;
  /** Embeds the copy's chunks too (dense retrieval on the copy). Default: none. */
  embeddingModel?: EmbeddingModel;
  parsers: ParserRegistry;
  logger: Logger;
}

/** A re-chunked copy of a collection in a temporary store. */
export interface RechunkedCopy {
  /** Name of the copy's collection in its store. */
  collection: string;
  /** Chunks in the copy. */
  chunkCount: number;
  /** A retriever over the copy with the runtime's models. */
  retriever: HybridRetriever;
  /** Closes the temporary store and deletes it. */
  close(): Promise<void>;
}

const copyCollection = 'rechunked';

/**
 * Ingests `sources` again with other chunk sizes into a store in a fresh temporary folder, so the user's store is
 * never written. A document that fails to parse fails the copy (AndesError with its code).
 */
export async function openRechunkedCopy(options: RechunkedCopyOptions): Promise<RechunkedCopy> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'andes-rechunk-'));
  const store = await SqliteKnowledgeStore.open({ dataDir: directory, logger: options.logger });
  const close = async () => {
    await store.close();
    await rm(directory, { recursive: true, force: true });
  };
  try {
    for (const source of options.sources) {
      await ingestDocument({
        store,
        collection: copyCollection,
        source,
        bytes: await options.readSource(source),
        chunkOptions: options.chunkOptions,
        parsers: options.parsers,
        logger: options.logger,
        ...(options.embeddingModel ? { embeddingModel: options.embeddingModel } : {}),
      });
    }
    const info = await store.getCollection(copyCollection);
    if (!info) throw new AndesError('invalid_request', 'There are no documents to re-chunk.');
    const retriever = new HybridRetriever({
      store,
      logger: options.logger,
      ...(options.embeddingModel ? { embeddingModel: options.embeddingModel } : {}),
    });
    return { collection: copyCollection, chunkCount: info.chunkCount, retriever, close };
  } catch (error) {
    await close();
    throw error;
  }
}
