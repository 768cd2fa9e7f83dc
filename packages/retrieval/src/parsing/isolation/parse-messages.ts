import { AndesError, type AndesErrorCode } from '@andes-rag/core';
import type { ParsedText } from '../document-parser.js';
import type { PrepareDocumentInput, PreparedDocument } from '../../ingestion/prepare-document.js';
import type { ParseLimits } from '../parse-limits.js';

/** What the pool sends a parser process: one file to parse with the built-in parser of `mediaType`. */
export interface ParseRequest {
  kind: 'parse';
  id: number;
  source: string;
  mediaType: string;
  bytes: Uint8Array;
  limits: ParseLimits;
}

/**
 * What the pool sends a parser process to have a file made ready to store: recognised, parsed with the built-in
 * parsers, cleaned and chunked ({@link prepareDocument}), so that none of it runs on the caller's thread.
 */
export interface PrepareRequest {
  kind: 'prepare';
  id: number;
  input: PrepareDocumentInput;
  /** The caller's registry: its types, each read by the built-in parser of that media type. */
  parserTypes: ParserType[];
  limits: ParseLimits;
}

/** What recognising a file needs to know of a parser. */
export interface ParserType {
  mediaType: string;
  extensions: readonly string[];
  binary: boolean;
}

/** An error as it crosses the process boundary. */
export interface SerializedError {
  code: AndesErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * What a parser process sends: that it has started, then for each request that it has loaded the code it needs
 * (`started`: the request's time limit begins again, so loading a parser library on first use never counts against
 * a file), then one answer.
 */
export type ParseResponse =
  | { ready: true }
  | { id: number; started: true }
  | { id: number; parsed: ParsedText }
  | { id: number; prepared: PreparedDocument }
  | { id: number; error: SerializedError };

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
