import type { IngestProgress } from '@andes-rag/runtime';
import { printableName } from './printable-name.js';

/** The word each file's line starts with, by what happened to it. */
const statusLabels: Record<IngestProgress['status'], string> = {
  created: 'new',
  updated: 'updated',
  unchanged: 'unchanged',
  failed: 'failed',
};

/**
 * Reports ingestion progress on stderr: a self-updating bar with rate and ETA on a terminal,
 * one plain line per file elsewhere (CI logs, pipes), starting with what happened to it (`new`, `updated`, `unchanged`,
 * `failed`; `verb` when a caller reports no outcome, default `ingested`). File names are
 * printed through `printableName`, so a name with a newline or an escape sequence stays on its line.
 */
export function createProgressReporter(
  stream: NodeJS.WriteStream = process.stderr,
  verb = 'ingested',
): {
  /** One file (or collection) done; `status` labels the line, else `verb` does. */
  update(progress: Omit<IngestProgress, 'status'> & { status?: IngestProgress['status'] }): void;
  finish(): void;
} {
  const startedAt = Date.now();
  const interactive = stream.isTTY === true;
  return {
    update({ done, total, source, status }) {
      const seconds = (Date.now() - startedAt) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      const remaining = rate > 0 ? Math.ceil((total - done) / rate) : 0;
      if (!interactive) {
        stream.write(
          `${status === undefined ? verb : statusLabels[status]} ${done}/${total} ${printableName(source)}\n`,
        );
        return;
      }
      const width = 24;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
      stream.write(`\r[${bar}] ${done}/${total} ${rate.toFixed(1)} files/s ETA ${remaining}s `);
    },
    finish() {
      if (interactive) stream.write('\n');
    },
  };
}
