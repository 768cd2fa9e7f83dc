import { AndesError, type AndesErrorCode } from '@andes/core';
import type { ParsedText } from '../document-parser.js';
import type { ParseLimits } from '../parse-limits.js';

/** What the pool sends a parser process: one file to parse with the built-in parser of `mediaType`. */
export interface ParseRequest {
  id: number;
  source: string;
  mediaType: string;
  bytes: Uint8Array;
  limits: ParseLimits;
}

/** An error as it crosses the process boundary. */
export interface SerializedError {
  code: AndesErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** What a parser process sends: that it has loaded its parsers, then one answer per request. */
export type ParseResponse = { ready: true } | { id: number; parsed: ParsedText } | { id: number; error: SerializedError };

/** An error thrown while parsing, ready to send back: AndesErrors keep their code, anything else is `parse_failed`. */
export function serializeError(error: unknown, source: string): SerializedError {
  if (AndesError.isInstance(error)) {
    return { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
  }
  const reason = error instanceof Error ? error.message : String(error);
  return { code: 'parse_failed', message: `Cannot read "${source}": ${reason}`, details: { source } };
}

/** The AndesError a parser process reported. */
export function deserializeError(error: SerializedError): AndesError {
  return new AndesError(error.code, error.message, error.details ? { details: error.details } : {});
}
