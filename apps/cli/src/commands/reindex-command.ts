import { Command, Option } from 'commander';
import { gpuChoices, openAndes, type ReindexReport } from '@andes-rag/runtime';
import { configFromOptions } from '../common-options.js';
import { printJson, printLine } from '../output/print.js';
import { createProgressReporter } from '../output/progress.js';
import { createStderrLogger } from '../output/stderr-logger.js';

interface ReindexCommandOptions {
  dataDir?: string;
  collection?: string;
  embeddingModel?: string;
  gpu?: string;
  threads?: string;
  verbose?: boolean;
  json?: boolean;
}

/**
 * `andes reindex [--collection NAME]`: rebuilds the lexical and vector indexes from the database, embedding the
 * chunks that have no vector from the configured embedding model first; ends with an integrity check.
 */
export function reindexCommand(): Command {
  return new Command('reindex')
    .description('rebuild every index from the database; with an embedding model, embed chunks that lack its vectors')
    .option('--data-dir <dir>', 'where the store lives (env ANDES_DATA_DIR, default ./.andes)')
    .option('--collection <name>', 'only this collection (default: every collection)')
    .option('--embedding-model <file.gguf>', 'embedding model GGUF (env ANDES_EMBEDDING_MODEL) to embed chunks with')
    .addOption(new Option('--gpu <backend>', 'model backend (env ANDES_GPU)').choices([...gpuChoices]))
    .option('--threads <n>', 'CPU threads for the model (env ANDES_THREADS)')
    .option('--verbose', 'log details to stderr')
    .option('--json', 'print the report as JSON on stdout')
    .action(async (options: ReindexCommandOptions) => {
      // No chat model: reindexing only needs the store and the embedding model.
      const common = { ...options, collection: options.collection ?? '' };
      const { modelPath: _chatModel, ...config } = configFromOptions(common);
      const logger = createStderrLogger(options.verbose ? 'debug' : 'warn');
      const runtime = await openAndes(config, { logger });
      const controller = new AbortController();
      const cancel = () => controller.abort();
      process.on('SIGINT', cancel); // `on`: see models-pull-command.ts (signal-exit re-raises when left alone)
      const progress = createProgressReporter(process.stderr, 'embedded');
      let report: ReindexReport;
      try {
        report = await runtime.reindex({
          ...(options.collection === undefined ? {} : { collection: options.collection }),
          signal: controller.signal,
          onProgress: ({ collection, embedded, total }) =>
            progress.update({ done: embedded, total, source: collection }),
        });
      } finally {
        progress.finish();
        process.off('SIGINT', cancel);
        await runtime.close();
      }
      if (options.json) printJson(report);
      else printReport(report);
      if (!report.integrity.ok) process.exitCode = 1;
    });
}

function printReport(report: ReindexReport): void {
  if (report.collections.length === 0) printLine('No collections yet: run `andes ingest PATH`.');
  for (const collection of report.collections) {
    const embedded = collection.embeddingModel
      ? `; embedded ${collection.embedded} chunk(s) with ${collection.embeddingModel}`
      : '; no embedding model configured, vectors re-indexed as stored';
    const from = collection.replacedVectorsFrom;
    const replaced = from ? ` (replacing vectors from ${from})` : '';
    printLine(
      `Reindexed "${collection.collection}": ${collection.documents} documents, ${collection.chunks} chunks, ` +
        `${collection.vectors} vectors${embedded}${replaced}.`,
    );
  }
  const { integrity } = report;
  if (integrity.ok) return printLine('Integrity check: ok.');
  printLine(`Integrity check: ${integrity.problems.length} problem(s).`);
  for (const problem of integrity.problems) printLine(`  ${problem.collection ?? '(database)'}: ${problem.message}`);
}
