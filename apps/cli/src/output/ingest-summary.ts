import type { IngestFileResult } from '@andes-rag/runtime';

/** What one `andes ingest` run did, for its summary line. */
export interface IngestRun {
  collection: string;
  results: IngestFileResult[];
  /** Documents `--sync` removed because their files are gone. */
  removed: number;
  /** Files in the given folders left out because their type cannot be ingested. */
  skipped: number;
  /** Wall-clock seconds from the first file read to the last document stored (models and store already open). */
  seconds: number;
}

/**
 * The line `andes ingest` ends with: counts by outcome, then throughput: files handled per second and chunks
 * stored per second (chunks of new and updated documents; unchanged ones store none).
 */
export function ingestSummary(run: IngestRun): string {
  const { results } = run;
  const count = (status: IngestFileResult['status']) => results.filter((result) => result.status === status).length;
  const storedChunks = results
    .filter((result) => result.status === 'created' || result.status === 'updated')
    .reduce((sum, result) => sum + (result.chunkCount ?? 0), 0);
  const rate = (amount: number) => (run.seconds > 0 ? amount / run.seconds : 0).toFixed(1);
  const removed = run.removed > 0 ? `, ${run.removed} removed` : '';
  const skipped = run.skipped > 0 ? `; ${run.skipped} skipped (unsupported type)` : '';
  return (
    `Ingested ${results.length} file(s) into collection "${run.collection}": ${count('created')} new, ` +
    `${count('updated')} updated, ${count('unchanged')} unchanged, ${count('failed')} failed${removed}${skipped} ` +
    `(${rate(results.length)} documents/s, ${rate(storedChunks)} chunks/s in ${run.seconds.toFixed(1)} s).`
  );
}
