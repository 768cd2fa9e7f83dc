import { readFile } from 'node:fs/promises';
import { AndesError, type EmbeddingModel, type KnowledgeStore, type Logger } from '@andes/core';
import { ingestDocument, type ParserRegistry } from '@andes/retrieval';
import type { IngestFileResult, IngestInput, IngestProgress } from '../andes-service.js';

/** What {@link ingestFiles} needs. */
export interface IngestFilesOptions {
  store: KnowledgeStore;
  embeddingModel: EmbeddingModel | undefined;
  parsers: ParserRegistry;
  logger: Logger;
  collection: string;
  inputs: IngestInput[];
  onProgress?: (progress: IngestProgress) => void;
  signal?: AbortSignal;
}

/**
 * Ingests files one after another. A file that fails (unsupported type, unparsable) is reported as `failed` with
 * its error and does not stop the others; cancellation stops everything. Each `created`/`updated` result is
 * already committed to the store when it is reported.
 */
export async function ingestFiles(options: IngestFilesOptions): Promise<IngestFileResult[]> {
  const { inputs, onProgress, signal, logger } = options;
  const results: IngestFileResult[] = [];
  for (const input of inputs) {
    results.push(await ingestOne(options, input));
    if (signal?.aborted) throw new AndesError('aborted', 'Ingestion was cancelled.');
    onProgress?.({ done: results.length, total: inputs.length, source: input.source });
  }
  logger.info('ingested', { collection: options.collection, files: results.length });
  return results;
}

async function ingestOne(options: IngestFilesOptions, input: IngestInput): Promise<IngestFileResult> {
  try {
    const { document, status } = await ingestDocument({
      store: options.store,
      collection: options.collection,
      source: input.source,
      // A path (an upload's temporary file) is read only now, so one file at a time is in memory.
      bytes: input.bytes ?? (await readFile(input.path)),
      parsers: options.parsers,
      logger: options.logger,
      ...(options.embeddingModel ? { embeddingModel: options.embeddingModel } : {}),
      ...(input.mediaType ? { mediaType: input.mediaType } : {}),
      ...(input.tags ? { tags: input.tags } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return { source: input.source, status, documentId: document.id, chunkCount: document.chunkCount };
  } catch (error) {
    if (AndesError.isInstance(error) && error.code === 'aborted') throw error;
    if (AndesError.isInstance(error) && error.code !== 'internal_error' && error.code !== 'storage_error') {
      return { source: input.source, status: 'failed', error: { code: error.code, message: error.message } };
    }
    options.logger.error('ingestion failed', { source: input.source, error: String(error) });
    throw error;
  }
}
