import type { RequestHandler } from 'express';
import multer from 'multer';
import { AndesError } from '@andes/core';
import type { AndesConfig } from '@andes/runtime';

/** The multipart field that carries the files. */
export const uploadField = 'files';

/** multer's limit codes, as the caller's mistakes. */
const multerErrors: Record<string, { code: 'invalid_request' | 'payload_too_large'; message: (config: AndesConfig) => string }> = {
  LIMIT_FILE_SIZE: { code: 'payload_too_large', message: (config) => `A file is larger than ${config.maxUploadBytes} bytes.` },
  LIMIT_FILE_COUNT: { code: 'payload_too_large', message: (config) => `At most ${config.maxUploadFiles} files per upload.` },
  LIMIT_PART_COUNT: { code: 'payload_too_large', message: () => 'The upload has too many parts.' },
  LIMIT_FIELD_COUNT: { code: 'payload_too_large', message: () => 'The upload has too many form fields.' },
  LIMIT_FIELD_VALUE: { code: 'payload_too_large', message: () => 'A form field in the upload is too long.' },
  LIMIT_FIELD_KEY: { code: 'payload_too_large', message: () => 'A form field name in the upload is too long.' },
  LIMIT_UNEXPECTED_FILE: { code: 'invalid_request', message: () => `Send files in the multipart field "${uploadField}".` },
  MISSING_FIELD_NAME: { code: 'invalid_request', message: () => 'A multipart part has no field name.' },
};

/**
 * Reads a multipart upload into memory (`request.files`), with the configured per-file size and file count limits.
 * Files must come in the repeatable field `files`; text fields land in `request.body` (at most 100, 64 KiB each). Paths
 * in file names are kept for `uploadSourceName` to clean. Every failure becomes an AndesError: limits are 413,
 * a file in another field or a malformed body 400. A request that is not multipart passes through with no files.
 */
export function createUploadMiddleware(config: AndesConfig): RequestHandler {
  const upload = multer({
    storage: multer.memoryStorage(),
    preservePath: true,
    limits: { fileSize: config.maxUploadBytes, files: config.maxUploadFiles, fields: 100, fieldSize: 64 * 1024 },
  }).array(uploadField);
  return (request, response, next) => {
    upload(request, response, (error?: unknown) => {
      next(error === undefined ? undefined : toUploadError(error, config));
    });
  };
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
