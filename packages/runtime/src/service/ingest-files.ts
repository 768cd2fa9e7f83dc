import { availableParallelism } from 'node:os';
import {
  AndesError,
  type DocumentWrite,
  type DocumentWriteResult,
  type EmbeddingModel,
  type KnowledgeStore,
  type Logger,
} from '@andes-rag/core';
import {
  embedWrite,
  planIngestion,
  type ChunkOptions,
  type IngestionPlan,
  type ParserRegistry,
} from '@andes-rag/retrieval';
import type { IngestFileResult, IngestInput, IngestProgress } from '../andes-service.js';
import { commitWrites, type CommitOutcome } from './ingest-commit.js';
import { readInputFile } from './read-input-file.js';

/** What {@link ingestFiles} needs. */
export interface IngestFilesOptions {
  store: KnowledgeStore;
  embeddingModel: EmbeddingModel | undefined;
  parsers: ParserRegistry;
  logger: Logger;
  collection: string;
  inputs: IngestInput[];
  /** How to chunk every file: the collection's chunk size (see `collection-chunking.ts`). Default: the defaults. */
  chunkOptions?: ChunkOptions;
  onProgress?: (progress: IngestProgress) => void;
  signal?: AbortSignal;
  /**
   * Files parsed ahead of the one being stored. Default: twice `os.availableParallelism()`, two per parser process
   * (the one it is on and the next, already sent: see the retrieval package's `ParserProcessPool`), so every core
   * parses while this thread embeds and stores, even while a commit holds this thread.
   */
  parseAhead?: number;
  /** Most documents stored with one commit. Default 64. */
  documentsPerCommit?: number;
  /** A commit is made once its documents hold this many chunks. Default 4,000. */
  chunksPerCommit?: number;
}

/** A file's outcome, waiting for its batch's commit before it is reported. */
interface Pending {
  input: IngestInput;
  /** The write to commit, or the result when there is nothing to write (unchanged, failed). */
  write?: DocumentWrite;
  result?: IngestFileResult;
}

/**
 * Ingests files as a pipeline: up to `parseAhead` files are read and parsed (in the parser processes) ahead, while
 * this thread embeds and stores the earlier ones in order, committing them in groups (one durable commit per batch of
 * documents, see `commitWrites`). A file that fails (unsupported type, unparsable) is reported as `failed` with its
 * error and does not stop the others; cancellation stops everything. A file is reported (`onProgress`, and its result)
 * only once its batch is committed, so each `created`/`updated` result is durable when it is seen, as before.
 */
export async function ingestFiles(options: IngestFilesOptions): Promise<IngestFileResult[]> {
  const { inputs, onProgress, signal, logger } = options;
  const parseAhead = Math.max(1, options.parseAhead ?? 2 * availableParallelism());
  const documentsPerCommit = Math.max(1, options.documentsPerCommit ?? 64);
  const chunksPerCommit = Math.max(1, options.chunksPerCommit ?? 4_000);
  const plans: Promise<IngestionPlan>[] = [];
  const startPlan = (index: number) => {
    const input = inputs[index];
    if (!input) return;
    const plan = planOne(options, input);
    plan.catch(() => {}); // Read in order below; a plan abandoned by a cancellation must not go unhandled.
    plans[index] = plan;
  };
  for (let index = 0; index < parseAhead; index += 1) startPlan(index);

  const results: IngestFileResult[] = [];
  let batch: Pending[] = [];
  let batchChunks = 0;
  const flush = async () => {
    const committed = await commitWrites(
      options.store,
      batch.flatMap((pending) => (pending.write ? [pending.write] : [])),
    );
    let next = 0;
    for (const pending of batch) {
      const result = pending.write
        ? committedResult(pending.input, committed[next++] as CommitOutcome)
        : (pending.result as IngestFileResult);
      results.push(result);
      onProgress?.({ done: results.length, total: inputs.length, source: pending.input.source, status: result.status });
    }
    batch = [];
    batchChunks = 0;
  };

  for (let index = 0; index < inputs.length; index += 1) {
    const input = inputs[index] as IngestInput;
    const pending = await settle(options, input, plans[index] as Promise<IngestionPlan>);
    delete plans[index];
    startPlan(index + parseAhead);
    if (signal?.aborted) throw new AndesError('aborted', 'Ingestion was cancelled.');
    batch.push(pending);
    batchChunks += pending.write?.chunks.length ?? 0;
    if (batch.length >= documentsPerCommit || batchChunks >= chunksPerCommit) await flush();
  }
  await flush();
  logger.info('ingested', { collection: options.collection, files: results.length });
  return results;
}

async function planOne(options: IngestFilesOptions, input: IngestInput): Promise<IngestionPlan> {
  return planIngestion({
    store: options.store,
    collection: options.collection,
    source: input.source,
    // A path (an upload's temporary file) is read only now, so only the files parsed ahead are in memory.
    bytes: input.bytes ?? (await readInputFile(input.path)),
    parsers: options.parsers,
    ...(options.chunkOptions ? { chunkOptions: options.chunkOptions } : {}),
    ...(input.mediaType ? { mediaType: input.mediaType } : {}),
    ...(input.tags ? { tags: input.tags } : {}),
    ...(input.access ? { access: input.access } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/** Waits for a file's plan and embeds its write: what to commit, or its result when it failed or is unchanged. */
async function settle(options: IngestFilesOptions, input: IngestInput, plan: Promise<IngestionPlan>): Promise<Pending> {
  try {
    const planned = await plan;
    if ('result' in planned) return { input, result: toFileResult(input, planned.result) };
    const write = await embedWrite(planned.write, {
      ...(options.embeddingModel ? { embeddingModel: options.embeddingModel } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return { input, write };
  } catch (error) {
    if (AndesError.isInstance(error) && error.code === 'aborted') throw error;
    if (AndesError.isInstance(error) && error.code !== 'internal_error' && error.code !== 'storage_error') {
      return {
        input,
        result: { source: input.source, status: 'failed', error: { code: error.code, message: error.message } },
      };
    }
    options.logger.error('ingestion failed', { source: input.source, error: String(error) });
    throw error;
  }
}

function committedResult(input: IngestInput, outcome: CommitOutcome): IngestFileResult {
  if ('result' in outcome) return toFileResult(input, outcome.result);
  return {
    source: input.source,
    status: 'failed',
    error: { code: outcome.error.code, message: outcome.error.message },
  };
}

function toFileResult(input: IngestInput, { document, status }: DocumentWriteResult): IngestFileResult {
  return { source: input.source, status, documentId: document.id, chunkCount: document.chunkCount };
}
