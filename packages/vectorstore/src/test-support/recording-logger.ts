import type { LogFields, Logger } from '@andes-rag/core';

/** One line a {@link RecordingLogger} received. */
export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields: LogFields | undefined;
}

/** A logger that keeps what it is told, for tests to read. */
export class RecordingLogger implements Logger {
  readonly lines: LogLine[] = [];
  debug(message: string, fields?: LogFields): void {
    this.lines.push({ level: 'debug', message, fields });
  }
  info(message: string, fields?: LogFields): void {
    this.lines.push({ level: 'info', message, fields });
  }
  warn(message: string, fields?: LogFields): void {
    this.lines.push({ level: 'warn', message, fields });
  }
  error(message: string, fields?: LogFields): void {
    this.lines.push({ level: 'error', message, fields });
  }
  /** The `reason` field of every index rebuild logged so far. */
  rebuildReasons(): string[] {
    return this.lines
      .filter((line) => line.message.startsWith('Rebuilding vector index'))
      .map((line) => String(line.fields?.['reason']));
  }
}
