import type { LogFields, Logger } from '@andes-rag/core';

const levels = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof levels)[number];

/** A Logger for the CLI: one readable line per message on stderr (stdout stays clean for `--json`). */
export function createStderrLogger(minimum: Level = 'warn'): Logger {
  const threshold = levels.indexOf(minimum);
  const write = (level: Level) => (message: string, fields?: LogFields) => {
    if (levels.indexOf(level) < threshold) return;
    const suffix = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
    process.stderr.write(`andes ${level}: ${message}${suffix}\n`);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
