import type { RequestHandler, Response } from 'express';
import multer from 'multer';
import { AndesError } from '@andes-rag/core';
import type { AndesConfig } from '@andes-rag/runtime';
import type { TemporaryFileStorage } from './temporary-file-storage.js';
import type { UploadBudget } from './upload-budget.js';
import { budgetExceeded, UploadLease } from './upload-lease.js';

/** The multipart field that carries the files. */
export const uploadField = 'files';

/** multer's limit codes, as the caller's mistakes. */
const multerErrors: Record<
  string,
  { code: 'invalid_request' | 'payload_too_large'; message: (config: AndesConfig) => string }
> = {
  LIMIT_FILE_SIZE: {
    code: 'payload_too_large',
    message: (config) => `A file is larger than ${config.maxUploadBytes} bytes.`,
  },
  LIMIT_FILE_COUNT: {
    code: 'payload_too_large',
    message: (config) => `At most ${config.maxUploadFiles} files per upload.`,
  },
  LIMIT_PART_COUNT: { code: 'payload_too_large', message: () => 'The upload has too many parts.' },
  LIMIT_FIELD_COUNT: { code: 'payload_too_large', message: () => 'The upload has too many form fields.' },
  LIMIT_FIELD_VALUE: { code: 'payload_too_large', message: () => 'A form field in the upload is too long.' },
  LIMIT_FIELD_KEY: { code: 'payload_too_large', message: () => 'A form field name in the upload is too long.' },
  LIMIT_UNEXPECTED_FILE: {
    code: 'invalid_request',
    message: () => `Send files in the multipart field "${uploadField}".`,
  },
  MISSING_FIELD_NAME: { code: 'invalid_request', message: () => 'A multipart part has no field name.' },
};

/** What {@link createUploadMiddleware} reads uploads with. */
export interface UploadMiddlewareOptions {
  config: AndesConfig;
  /** Bytes in flight across requests; see `upload-budget.ts`. */
  budget: UploadBudget;
  /** Where the files go: temporary files under `uploadDirectory(config.dataDir)`. */
  storage: TemporaryFileStorage;
}

/**
 * Streams a multipart upload to temporary files (`request.files`, each with its `path`), with the configured
 * per-file size and file count limits, and an {@link UploadLease} in `response.locals.uploadLease` that deletes
 * them and frees their share of the in-flight budget. The budget is decided before the body is read when it has a
 * `Content-Length` (413 `payload_too_large` when larger than the whole budget, 429 `queue_full` with `Retry-After`
 * when the uploads in flight leave no room), else as its bytes arrive. Files must come in the repeatable field
 * `files`; text fields land in `request.body` (at most 100, 64 KiB each). Paths in file names are kept for
 * `uploadSourceName` to clean. Every failure becomes an AndesError: limits are 413, a file in another field or a
 * malformed body 400. A request that is not multipart passes through with no files.
 */
export function createUploadMiddleware({ config, budget, storage }: UploadMiddlewareOptions): RequestHandler {
  const upload = multer({
    storage,
    preservePath: true,
    limits: { fileSize: config.maxUploadBytes, files: config.maxUploadFiles, fields: 100, fieldSize: 64 * 1024 },
  }).array(uploadField);
  return (request, response, next) => {
    const declared = declaredLength(request.headers['content-length']);
    if (declared !== undefined && !budget.tryReserve(declared)) {
      // Answer without reading the body, and close the connection rather than draining what the client still sends.
      response.set('Connection', 'close');
      next(budgetExceeded(budget, declared));
      return;
    }
    const lease = new UploadLease(budget, declared ?? 0, declared === undefined);
    response.locals['uploadLease'] = lease;
    response.once('close', () => {
      if (!lease.ingesting) void lease.settle();
    });
    storage.attach(request, lease);
    upload(request, response, (error?: unknown) => {
      next(error === undefined ? undefined : toUploadError(error, config));
    });
  };
}

/** The lease {@link createUploadMiddleware} put on the response. */
export function uploadLeaseOf(response: Response): UploadLease | undefined {
  const lease: unknown = response.locals['uploadLease'];
  return lease instanceof UploadLease ? lease : undefined;
}

function declaredLength(header: string | undefined): number | undefined {
  if (header === undefined || !/^\d+$/.test(header)) return undefined;
  return Number(header);
}

function toUploadError(error: unknown, config: AndesConfig): AndesError {
  if (AndesError.isInstance(error)) return error;
  if (error instanceof multer.MulterError) {
    const known = multerErrors[error.code];
    if (known !== undefined) return new AndesError(known.code, known.message(config), { cause: error });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new AndesError('invalid_request', `Malformed multipart body: ${reason}`, { cause: error });
}
