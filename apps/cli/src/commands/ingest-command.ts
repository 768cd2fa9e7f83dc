import { stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { Command } from 'commander';
import { supportedFileExtensions, type AndesService, type IngestFileResult } from '@andes-rag/runtime';
import { configFromOptions, withEmbeddingOptions, type CommonOptions } from '../common-options.js';
import { collectFiles, type FoundFile } from '../files/collect-files.js';
import { removeMissingDocuments } from '../files/remove-missing-documents.js';
import { ingestSummary, type IngestRun } from '../output/ingest-summary.js';
import { printLine } from '../output/print.js';
import { createProgressReporter } from '../output/progress.js';
import { printableName } from '../output/printable-name.js';
import { parsePositiveInteger } from './parse-positive-integer.js';
import { collectTags } from './retrieval/collect-tags.js';
import { collectAccess } from './collect-access.js';
import { withService } from './with-service.js';

const filesPerBatch = 256;

interface IngestOptions extends CommonOptions {
  sync?: boolean;
  tag?: string[];
  access?: string[];
  chunkSize?: number;
}

/** `andes ingest PATH...`: ingests files and folders (recursively). Unchanged files are skipped. */
export function ingestCommand(): Command {
  return withEmbeddingOptions(new Command('ingest'))
    .description('ingest files and folders (recursively) into a collection; unchanged files are skipped')
    .argument('<paths...>', 'files or folders')
    .option('--sync', 'also remove documents whose files under the given folders are gone')
    .option(
      '--tag <name>',
      'tag every ingested document (repeatable, comma-separated allowed); replaces the tags it had, so a run without --tag clears them',
      collectTags,
    )
    .option(
      '--access <principal>',
      'only these may read the ingested documents: group:<name> or key:<id> (repeatable, comma-separated allowed); ' +
        'without it every reader of the collection may; replaces the list a document had',
      collectAccess,
    )
    .option(
      '--chunk-size <words>',
      'target words per chunk, recorded with the collection and used by later ingestions into it (default: the ' +
        "collection's size, else 200); a collection holding documents refuses another size (exit 2)",
      parsePositiveInteger,
    )
    .action(async (paths: string[], options: IngestOptions) => {
      const config = configFromOptions(options);
      const run = await withService(config, (service) => ingestAndSync(service, options.collection, paths, options));
      for (const failure of run.results.filter((result) => result.status === 'failed')) {
        process.stderr.write(
          `andes: failed ${printableName(failure.source)}: ${printableName(failure.error?.message ?? 'unknown error')}\n`,
        );
      }
      printLine(ingestSummary(run));
      if (run.results.some((result) => result.status === 'failed')) process.exitCode = 1;
    });
}

async function ingestAndSync(
  service: AndesService,
  collection: string,
  paths: string[],
  options: IngestOptions,
): Promise<IngestRun> {
  const startedAt = performance.now();
  const { files, unsupported } = await collectFiles(paths, supportedFileExtensions());
  for (const source of unsupported) process.stderr.write(`skipped ${printableName(source)} (unsupported type)\n`);
  const results = await ingestFoundFiles(
    service,
    collection,
    files,
    options.tag ?? [],
    options.chunkSize,
    options.access ?? [],
  );
  let removed = 0;
  if (options.sync) {
    const directories = [];
    for (const given of paths) if ((await stat(given)).isDirectory()) directories.push(given);
    const found = new Set(files.map((file) => file.source));
    removed = (await removeMissingDocuments(service, collection, directories, found)).length;
  }
  return { collection, results, removed, skipped: unsupported.length, seconds: (performance.now() - startedAt) / 1000 };
}

/** Ingests the files under `paths` in batches, with progress on stderr. */
export async function ingestPaths(
  service: AndesService,
  collection: string,
  paths: string[],
): Promise<IngestFileResult[]> {
  return ingestFoundFiles(service, collection, (await collectFiles(paths, supportedFileExtensions())).files);
}

/**
 * Ingests collected files in batches of paths, with progress on stderr. Each batch is stored before the next
 * starts. Every file gets `tags` (none by default), and is chunked at `chunkSize` words (default: the collection's size).
 */
async function ingestFoundFiles(
  service: AndesService,
  collection: string,
  files: FoundFile[],
  tags: string[] = [],
  chunkSize?: number,
  access: string[] = [],
): Promise<IngestFileResult[]> {
  const progress = createProgressReporter();
  const results: IngestFileResult[] = [];
  for (let start = 0; start < files.length; start += filesPerBatch) {
    const batch = files.slice(start, start + filesPerBatch);
    // Paths, not bytes: the service reads each file only when it parses it, a few files ahead of the one it stores.
    const inputs = batch.map((file) => ({
      source: file.source,
      path: file.absolutePath,
      ...(tags.length > 0 ? { tags } : {}),
      ...(access.length > 0 ? { access } : {}),
    }));
    const report = await service.ingest(collection, inputs, {
      onProgress: ({ done, source, status }) =>
        progress.update({ done: start + done, total: files.length, source, status }),
      ...(chunkSize === undefined ? {} : { chunkSize }),
    });
    results.push(...report.files);
  }
  progress.finish();
  return results;
}
