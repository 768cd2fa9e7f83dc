/**
 * Every reason Andes can fail, as a stable machine-readable code.
 *
 * Codes are part of the public contract: the server maps them to HTTP statuses
 * (`apps/server/src/http/error-status.ts`), the CLI to exit codes. Add codes; never rename one.
 */
export type AndesErrorCode =
  /** The caller sent something malformed or out of range (bad JSON, empty question, bad flag). */
  | 'invalid_request'
  /** A named collection does not exist. */
  | 'collection_not_found'
  /** A document, chunk or other named thing does not exist. */
  | 'not_found'
  /** A name is already taken (e.g. creating an assistant that exists). */
  | 'conflict'
  /** A file's type is not one Andes can ingest. */
  | 'unsupported_file_type'
  /** A body, file or text is larger than the configured limit. */
  | 'payload_too_large'
  /** A model file path does not exist. */
  | 'model_not_found'
  /** A file that should be a GGUF model is not one, or is not a usable one. */
  | 'invalid_model_file'
  /** The model or the index is still loading. */
  | 'not_ready'
  /** Too many requests are waiting; try again later. */
  | 'queue_full'
  /** The caller cancelled (AbortSignal, disconnected client). */
  | 'aborted'
  /** The request took longer than its limit. */
  | 'timeout'
  /** The prompt does not fit the model's context window. */
  | 'context_overflow'
  /** A file could not be parsed into text. */
  | 'parse_failed'
  /** The store could not read or write its data. */
  | 'storage_error'
  /**
   * The store's files are damaged or incomplete (an empty or truncated database, damaged pages, a lost write-ahead
   * log, commits an index file records but the database lacks). `andes doctor --repair` salvages what can be read.
   */
  | 'store_corrupt'
  /** The data directory's database is not an Andes store (another program's file, or SQLite without Andes's tables). */
  | 'store_foreign'
  /** The model failed while loading or generating. */
  | 'model_error'
  /** A model could not be downloaded, or the downloaded file's checksum differs from the expected one. */
  | 'download_failed'
  /** The request carries no valid credentials (a missing or wrong API key). */
  | 'unauthorized'
  /** The request is refused whoever sends it: a cross-site write from a foreign origin. */
  | 'forbidden'
  /** The request names a host this server does not answer to (a `Host` header it was not configured for). */
  | 'misdirected_request'
  /** A bug: anything not covered above. */
  | 'internal_error';

const andesErrorMarker = Symbol.for('andes.error');

/** Options accepted by {@link AndesError}. */
export interface AndesErrorOptions {
  /** The underlying error, kept for logs; never shown to HTTP callers. */
  cause?: unknown;
  /** Structured facts about the failure (limits, names), safe to show to callers. */
  details?: Record<string, unknown>;
}

/**
 * The one error type Andes throws on purpose. It carries a {@link AndesErrorCode}; the layer that meets the
 * outside world (server, CLI) decides what that code means for its callers.
 */
export class AndesError extends Error {
  /** What went wrong, as a stable code. */
  readonly code: AndesErrorCode;
  /** Structured facts about the failure, safe to show to callers. */
  readonly details: Record<string, unknown> | undefined;
  private readonly [andesErrorMarker] = true;

  constructor(code: AndesErrorCode, message: string, options: AndesErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AndesError';
    this.code = code;
    this.details = options.details;
  }

  /**
   * True for any AndesError, even one created by another copy of this package
   * (where `instanceof` would fail).
   */
  static isInstance(value: unknown): value is AndesError {
    return typeof value === 'object' && value !== null && andesErrorMarker in value;
  }
}
