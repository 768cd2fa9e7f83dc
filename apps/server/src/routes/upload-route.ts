import { Router, type Request } from 'express';
import { z } from 'zod';
import { AndesError } from '@andes-rag/core';
import type { AndesConfig, IngestInput, IngestReport } from '@andes-rag/runtime';
import { requireCollectionWrite, serviceFor } from '../security/request-caller.js';
import { accessFieldSchema } from './access-field-schema.js';
import { abortOnDisconnect } from '../http/abort-on-disconnect.js';
import { parseInput } from '../http/parse-input.js';
import { ingestResponseStatus } from '../uploads/ingest-response-status.js';
import { TemporaryFileStorage } from '../uploads/temporary-file-storage.js';
import { UploadBudget } from '../uploads/upload-budget.js';
import { uploadDirectory } from '../uploads/upload-directory.js';
import { createUploadMiddleware, uploadField, uploadLeaseOf } from '../uploads/upload-middleware.js';
import { uploadSourceName } from '../uploads/upload-source-name.js';
import { collectionParametersSchema } from './collection-name-schema.js';
import { queryTagsSchema } from './search-filter-schema.js';

/**
 * The upload's text fields: `tags`, comma-separated or repeated, given to every file of the upload; `chunkSize`,
 * target words per chunk, recorded with the collection (see `AndesService.ingest`).
 */
export const uploadFieldsSchema = z.object({
  tags: queryTagsSchema.optional(),
  chunkSize: z
    .string()
    .regex(/^\d{1,7}$/, 'expected a whole number of words of at least 1')
    .transform(Number)
    .refine((size) => size >= 1, 'expected a whole number of words of at least 1')
    .optional(),
});

/**
 * The upload's `access` field: who alone may read its documents, principals `group:<name>` or `key:<id>`,
 * comma-separated or repeated. Without it every reader of the collection may; it replaces a re-uploaded document's
 * list too.
 */
export const uploadAccessSchema = z.object({ access: accessFieldSchema.optional() });

/** Dependencies of {@link createUploadRoute}. */
export interface UploadRouteDependencies {
  config: AndesConfig;
}

/**
 * `POST /api/collections/:name/documents`, multipart with files in the repeatable field `files` and optional text
 * field `tags` (comma-separated or repeated, applied to every file of the upload; they replace the tags a re-uploaded
 * document had, so an upload without `tags` clears them) and optional `chunkSize` (words per chunk, recorded with the
 * collection; 409 `conflict` when the collection holds documents chunked at another size): ingests them into
 * the collection (created on first upload) and answers only once they are stored: 201 with the IngestReport,
 * 200 with it when some files failed, or the first failure's status with the report in `error.details` when all did.
 * Files are streamed to temporary files under the data directory and deleted once ingested (or failed); the bytes
 * of all uploads in flight are capped by `config.maxUploadBytesInFlight` (429 / 413, see `upload-middleware.ts`).
 */
export function createUploadRoute({ config }: UploadRouteDependencies): Router {
  const budget = new UploadBudget(config.maxUploadBytesInFlight);
  const storage = new TemporaryFileStorage(uploadDirectory(config.dataDir));
  const router = Router();
  router.post(
    '/api/collections/:name/documents',
    (request, response, next) => {
      const { name } = parseInput(collectionParametersSchema, request.params, 'path');
      // Before a byte of the body is read: a collection outside the key is 404, a reader 403.
      requireCollectionWrite(response, name);
      next();
    },
    createUploadMiddleware({ config, budget, storage }),
    async (request, response) => {
      const lease = uploadLeaseOf(response);
      let report: IngestReport;
      try {
        if (lease !== undefined) lease.ingesting = true;
        const { name } = parseInput(collectionParametersSchema, request.params, 'path');
        const { tags, chunkSize } = parseInput(uploadFieldsSchema, request.body ?? {}, 'body');
        const { access } = parseInput(uploadAccessSchema, request.body ?? {}, 'body');
        const inputs = uploadedFiles(request)
          .map(toIngestInput)
          .map((input) => (tags === undefined || tags.length === 0 ? input : { ...input, tags }))
          .map((input) => (access === undefined || access.length === 0 ? input : { ...input, access }));
        report = await serviceFor(response).ingest(name, inputs, {
          signal: abortOnDisconnect(response),
          ...(chunkSize === undefined ? {} : { chunkSize }),
        });
      } finally {
        // Stored or failed, the temporary files go and their bytes leave the in-flight budget before the answer.
        await lease?.settle();
      }
      response.status(ingestResponseStatus(report)).json(report);
    },
  );
  return router;
}

function uploadedFiles(request: Request): Express.Multer.File[] {
  const files = request.files;
  if (!Array.isArray(files) || files.length === 0) {
    throw new AndesError(
      'invalid_request',
      `Send one or more files as multipart/form-data in the field "${uploadField}".`,
    );
  }
  return files;
}

function toIngestInput(file: Express.Multer.File): IngestInput {
  const source = uploadSourceName(file.originalname);
  // Browsers label most text formats they do not know (Markdown among them) as octet-stream: let the service sniff.
  const isInformative = file.mimetype !== '' && file.mimetype !== 'application/octet-stream';
  return isInformative ? { source, path: file.path, mediaType: file.mimetype } : { source, path: file.path };
}
