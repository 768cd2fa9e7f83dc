import { AndesError } from '@andes-rag/core';

/** What to tell a person whose store is damaged. */
export const doctorHint =
  'run `andes doctor` to see what is damaged and `andes doctor --repair` to salvage what can be read';

/** SQLite result codes that mean the file's content is damaged or is no database at all. */
const damageCodes = /^SQLITE_(?:CORRUPT|NOTADB)/;

/**
 * True when `error` is SQLite saying the file is damaged (`SQLITE_CORRUPT`, its extended codes such as
 * `SQLITE_CORRUPT_VTAB` from FTS5, or `SQLITE_NOTADB`), directly or as the cause of an AndesError.
 */
export function isDamageError(error: unknown): boolean {
  for (let current = error, depth = 0; current !== undefined && depth < 4; depth += 1) {
    const code = (current as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && damageCodes.test(code)) return true;
    if (AndesError.isInstance(current) && current.code === 'store_corrupt') return true;
    current = (current as { cause?: unknown } | null)?.cause;
  }
  return false;
}

/** An AndesError `store_corrupt` whose message ends with {@link doctorHint}. */
export function storeCorruptError(
  message: string,
  options: { cause?: unknown; details?: Record<string, unknown> } = {},
): AndesError {
  return new AndesError('store_corrupt', `${message}; ${doctorHint}`, options);
}
