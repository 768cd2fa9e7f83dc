import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { supportedFileExtensions, type AndesService, type IngestFileResult } from '@andes/runtime';
import { configFromOptions, withCommonOptions, type CommonOptions } from '../common-options.js';
import { collectFiles } from '../files/collect-files.js';
import { printLine } from '../output/print.js';
import { createProgressReporter } from '../output/progress.js';
import { withService } from './with-service.js';

const filesPerBatch = 16;

/** `andes ingest PATH...`: ingests files and folders (recursively). Unchanged files are skipped. */
export function ingestCommand(): Command {
  return withCommonOptions(new Command('ingest'))
    .description('ingest files and folders (recursively) into a collection; unchanged files are skipped')
    .argument('<paths...>', 'files or folders')
    .action(async (paths: string[], options: CommonOptions) => {
      const config = configFromOptions(options);
      const results = await withService(config, (service) => ingestPaths(service, options.collection, paths));
      reportResults(options.collection, results);
      if (results.some((result) => result.status === 'failed')) process.exitCode = 1;
    });
}

/** Ingests the files under `paths` in batches, with progress on stderr. */
export async function ingestPaths(service: AndesService, collection: string, paths: string[]): Promise<IngestFileResult[]> {
  const files = await collectFiles(paths, supportedFileExtensions());
  const progress = createProgressReporter();
  const results: IngestFileResult[] = [];
  for (let start = 0; start < files.length; start += filesPerBatch) {
    const batch = files.slice(start, start + filesPerBatch);
    const inputs = await Promise.all(
      batch.map(async (file) => ({ source: file.source, bytes: await readFile(file.absolutePath) })),
    );
    const report = await service.ingest(collection, inputs, {
      onProgress: ({ done, source }) => progress.update({ done: start + done, total: files.length, source }),
    });
    results.push(...report.files);
  }
  progress.finish();
  return results;
}

function reportResults(collection: string, results: IngestFileResult[]): void {
  const count = (status: IngestFileResult['status']) => results.filter((result) => result.status === status).length;
  for (const failure of results.filter((result) => result.status === 'failed')) {
    process.stderr.write(`andes: failed ${failure.source}: ${failure.error?.message ?? 'unknown error'}\n`);
  }
  printLine(
    `Ingested ${results.length} file(s) into collection "${collection}": ${count('created')} new, ` +
      `${count('updated')} updated, ${count('unchanged')} unchanged, ${count('failed')} failed.`,
  );
}
