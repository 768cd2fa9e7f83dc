import type { IngestProgress } from '@andes-rag/runtime';
import { printableName } from './printable-name.js';

/**
 * Reports ingestion progress on stderr: a self-updating bar with rate and ETA on a terminal,
 * one plain line per file elsewhere (CI logs, pipes), starting with `verb` (default `ingested`). File names are
 * printed through `printableName`, so a name with a newline or an escape sequence stays on its line.
 */
export function createProgressReporter(
  stream: NodeJS.WriteStream = process.stderr,
  verb = 'ingested',
): {
  update(progress: IngestProgress): void;
  finish(): void;
} {
  const startedAt = Date.now();
  const interactive = stream.isTTY === true;
  return {
    update({ done, total, source }) {
      const seconds = (Date.now() - startedAt) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      const remaining = rate > 0 ? Math.ceil((total - done) / rate) : 0;
      if (!interactive) {
        stream.write(`${verb} ${done}/${total} ${printableName(source)}\n`);
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
