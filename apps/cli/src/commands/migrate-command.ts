import { Command } from 'commander';
import { migrateStore, type MigrationReport } from '@andes-rag/runtime';
import { printJson, printLine } from '../output/print.js';
import { createProgressReporter } from '../output/progress.js';
import { createStderrLogger } from '../output/stderr-logger.js';

interface MigrateCommandOptions {
  from: string;
  to: string;
  verbose?: boolean;
  json?: boolean;
}

/**
 * `andes migrate --from DATA_DIR --to postgres://…`: copies an embedded store into PostgreSQL (embeddings included,
 * nothing re-embedded), resumable, then compares counts and checksums of both sides and exits 1 on a mismatch.
 */
export function migrateCommand(): Command {
  return new Command('migrate')
    .description('copy an embedded store into PostgreSQL (resumable), then verify counts and checksums')
    .requiredOption('--from <dir>', 'the embedded store’s data directory (holding andes.db)')
    .requiredOption('--to <url>', 'the PostgreSQL store, postgres://user:password@host:5432/database')
    .option('--verbose', 'log details to stderr')
    .option('--json', 'print the report as JSON on stdout')
    .action(async (options: MigrateCommandOptions) => {
      const logger = createStderrLogger(options.verbose ? 'debug' : 'warn');
      const progress = createProgressReporter(process.stderr, 'copied');
      let report: MigrationReport;
      try {
        report = await migrateStore({
          from: options.from,
          to: options.to,
          logger,
          onProgress: ({ collection, done, total }) => progress.update({ done, total, source: collection }),
        });
      } finally {
        progress.finish();
      }
      if (options.json) printJson(report);
      else printReport(report);
      if (!report.verification.ok) process.exitCode = 1;
    });
}

function printReport(report: MigrationReport): void {
  for (const collection of report.collections) {
    const withoutVectors =
      collection.withoutVectors > 0 ? `, ${collection.withoutVectors} without vectors (run andes reindex)` : '';
    printLine(
      `Collection "${collection.collection}": ${collection.copied} document(s) copied, ` +
        `${collection.unchanged} already there${withoutVectors}.`,
    );
  }
  for (const [kind, count] of [
    ['API keys', report.apiKeys],
    ['Assistants', report.assistants],
    ['Conversations', report.conversations],
  ] as const) {
    printLine(`${kind}: ${count.copied} copied, ${count.skipped} already there.`);
  }
  printLine();
  const rows: string[][] = [
    ['collection', 'documents', 'chunks', 'vectors', 'document checksum', 'chunk checksum', ''],
  ];
  for (const entry of report.verification.collections) {
    const target = entry.target;
    const pair = (left: string | number, right: string | number | undefined) =>
      left === right ? String(left) : `${left} ≠ ${right ?? 'missing'}`;
    rows.push([
      entry.collection,
      pair(entry.source.documents, target?.documents),
      pair(entry.source.chunks, target?.chunks),
      pair(entry.source.vectors, target?.vectors),
      pair(entry.source.documentChecksum, target?.documentChecksum),
      pair(entry.source.chunkChecksum, target?.chunkChecksum),
      entry.ok ? 'ok' : 'MISMATCH',
    ]);
  }
  for (const entry of report.verification.records) {
    const pair = (left: string | number, right: string | number) =>
      left === right ? String(left) : `${left} ≠ ${right}`;
    rows.push([
      `(${entry.kind})`,
      pair(entry.sourceCount, entry.targetCount),
      '',
      '',
      pair(entry.sourceChecksum, entry.targetChecksum),
      '',
      entry.ok ? 'ok' : 'MISMATCH',
    ]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows)
    printLine(
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join('  ')
        .trimEnd(),
    );
  printLine();
  printLine(`Not migrated: ${report.notMigrated.join('; ')}.`);
  printLine(report.verification.ok ? 'Verification: ok.' : 'Verification FAILED: the copy differs from the original.');
}
