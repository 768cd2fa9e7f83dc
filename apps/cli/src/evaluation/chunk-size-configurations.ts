import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RetrievalConfiguration, SkippedConfiguration } from '@andes-rag/evaluation';
import type { EvaluationAccess, RechunkedCopy } from '@andes-rag/runtime';

/** Configurations over re-chunked copies, and the copies to close afterwards. */
export interface ChunkSizeConfigurations {
  configurations: Array<RetrievalConfiguration | SkippedConfiguration>;
  close(): Promise<void>;
}

/**
 * One configuration per chunk size (`chunks-100`, …): the collection's documents are read again from their source
 * paths (relative to the working directory, as `andes ingest` stored them) and re-chunked into temporary stores.
 * When a source file cannot be read, every size is listed as skipped with the reason.
 */
export async function chunkSizeConfigurations(
  access: EvaluationAccess,
  collection: string,
  sizes: readonly number[],
  chunks: number,
): Promise<ChunkSizeConfigurations> {
  const sources = await access.listSources(collection);
  const readSource = async (source: string) => new Uint8Array(await readFile(path.resolve(source)));
  const unreadable = (
    await Promise.all(
      sources.map((source) =>
        readSource(source).then(
          () => undefined,
          () => source,
        ),
      ),
    )
  ).filter((source): source is string => source !== undefined);
  if (unreadable.length > 0) {
    const reason = `${unreadable.length} of ${sources.length} source files are not readable from here (e.g. ${unreadable[0]})`;
    return {
      configurations: sizes.map((size) => ({ name: `chunks-${size}`, skipped: reason })),
      close: async () => {},
    };
  }
  const copies: RechunkedCopy[] = [];
  const close = async () => {
    await Promise.all(copies.map((copy) => copy.close()));
  };
  try {
    for (const size of sizes) {
      const overlapWords = Math.min(30, Math.floor(size / 5));
      copies.push(
        await access.openRechunkedCopy({ sources, readSource, chunkOptions: { targetWords: size, overlapWords } }),
      );
    }
  } catch (error) {
    await close();
    throw error;
  }
  const configurations = copies.map((copy, index): RetrievalConfiguration => ({
    name: `chunks-${sizes[index]}`,
    description: `documents re-chunked at ${sizes[index]} words (${copy.chunkCount} chunks), default retrieval`,
    retrieve: (question) => copy.retriever.search(copy.collection, question, { k: chunks }),
  }));
  return { configurations, close };
}
