import { Command } from 'commander';
import { runDoctor, type DoctorReport } from '@andes-rag/runtime';
import { configFromOptions } from '../common-options.js';
import { printJson, printLine } from '../output/print.js';
import { createStderrLogger } from '../output/stderr-logger.js';

interface DoctorCommandOptions {
  dataDir?: string;
  embeddingModel?: string;
  repair?: boolean;
  verbose?: boolean;
  json?: boolean;
}

/**
 * `andes doctor [--repair]`: checks the store (every page, every record, every index) without changing it; with
 * `--repair`, salvages what can be read, drops malformed vectors (re-embedding them with `--embedding-model`),
 * rebuilds every index, and lists the documents that could not be kept. Exit status 0 when the store was healthy,
 * 1 when problems were found (repaired or not), 2 for a usage error.
 */
export function doctorCommand(): Command {
  return new Command('doctor')
    .description('check the store for damage; with --repair, salvage what can be read and list what was lost')
    .option('--data-dir <dir>', 'where the store lives (env ANDES_DATA_DIR, default ./.andes)')
    .option(
      '--repair',
      'repair: salvage readable rows, drop malformed vectors, rebuild every index (stop servers first)',
    )
    .option(
      '--embedding-model <file.gguf>',
      'with --repair: embed the chunks whose vectors were dropped (env ANDES_EMBEDDING_MODEL)',
    )
    .option('--verbose', 'log details to stderr')
    .option('--json', 'print the report as JSON on stdout')
    .action(async (options: DoctorCommandOptions) => {
      const { modelPath: _chatModel, ...config } = configFromOptions({ ...options, collection: '' });
      const logger = createStderrLogger(options.verbose ? 'debug' : 'warn');
      const report = await runDoctor(config, { repair: options.repair === true, logger });
      if (options.json) printJson(report);
      else printReport(report, options.repair === true);
      if (!report.healthy) process.exitCode = 1;
    });
}

function printReport(report: DoctorReport, repair: boolean): void {
  if (report.healthy) return printLine('The store is healthy: every page, record and index checks out.');
  printLine(`Found ${report.problems.length} problem(s):`);
  for (const problem of report.problems) printLine(`  [${problem.check}] ${problem.message}`);
  if (!repair) return printLine('Run `andes doctor --repair` to salvage what can be read (stop any server first).');
  for (const action of report.actions) printLine(`Repair: ${action}`);
  if (report.unreadableRows > 0) {
    printLine(
      `${report.unreadableRows} row(s) or table(s) of the damaged database could not be read: documents no surviving ` +
        'record names are lost without a name (the damaged file was kept).',
    );
  } else if (report.lostDocuments.length === 0 && report.repaired) printLine('No document was lost.');
  if (report.lostDocuments.length > 0) {
    printLine(`Lost ${report.lostDocuments.length} document(s); ingest them again:`);
    for (const lost of report.lostDocuments) {
      printLine(
        `  ${lost.collection}: ${lost.source ?? `(document ${lost.documentId}, source unknown)`} — ${lost.reason}`,
      );
    }
  }
  printLine(
    report.repaired ? 'The store now passes the integrity check.' : 'The store still fails the integrity check.',
  );
}
