import { Router } from 'express';
import { z } from 'zod';
import { AndesError } from '@andes-rag/core';
import { parseInput } from '../http/parse-input.js';
import { collectionNameSchema } from './collection-name-schema.js';
import { documentPage } from './document-page.js';
import { serviceFor } from '../security/request-caller.js';

const documentIdSchema = z.string().min(1).max(256);
/** Path parameters of the document routes. */
export const documentParametersSchema = z.object({ name: collectionNameSchema, id: documentIdSchema });
/** The body of `PATCH /api/collections/:name`. */
export const renameBodySchema = z.object({ name: collectionNameSchema }).strict();
/** The query string of `GET /api/collections/:name/documents`. */
export const documentListQuerySchema = z.object({
  q: z.string().max(256).optional(),
  offset: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/**
 * - `GET /api/collections` → `{collections}`
 * - `PATCH /api/collections/:name {name}` → 200 the renamed collection (`{name, documentCount, ...}`); 409 `conflict`
 *   when the name is taken, 404 when there is none; key scopes, assistants and conversations follow the new name
 * - `DELETE /api/collections/:name` → 204; its documents and indexes go too (editors and admins; readers 403)
 * - `GET /api/collections/:name/documents?q=&offset=&limit=` → `{documents, total, offset, limit}`: `q` matches a
 *   substring of the source or title (case-insensitive), `limit` 1..1000 (default: all); 404 for an unknown collection
 * - `GET /api/collections/:name/documents/:id/text` → `{documentId, source, title, mediaType, text, chunks}`, each
 *   chunk `{chunkId, start, end, headingPath, page?}` with `text.slice(start, end)` its passage; 404 `not_found` for
 *   a document that does not exist or that the caller may not read
 * - `DELETE /api/collections/:name/documents/:id` → 204, or 404 `not_found`
 */
export function createCollectionRoutes(): Router {
  const router = Router();
  router.get('/api/collections', async (_request, response) => {
    response.json({ collections: await serviceFor(response).listCollections() });
  });
  router.patch('/api/collections/:name', async (request, response) => {
    const { name } = parseInput(documentParametersSchema.pick({ name: true }), request.params, 'path');
    if (request.is('application/json') === false) {
      throw new AndesError('invalid_request', 'This route takes a JSON body (Content-Type: application/json).');
    }
    const body = parseInput(renameBodySchema, request.body, 'body');
    response.json(await serviceFor(response).renameCollection(name, body.name));
  });
  router.delete('/api/collections/:name', async (request, response) => {
    const { name } = parseInput(documentParametersSchema.pick({ name: true }), request.params, 'path');
    await serviceFor(response).deleteCollection(name);
    response.status(204).end();
  });
  router.get('/api/collections/:name/documents', async (request, response) => {
    const { name } = parseInput(documentParametersSchema.pick({ name: true }), request.params, 'path');
    const query = parseInput(documentListQuerySchema, request.query, 'query');
    const documents = await serviceFor(response).listDocuments(name);
    response.json(
      documentPage(documents, {
        ...(query.q === undefined ? {} : { q: query.q }),
        ...(query.offset === undefined ? {} : { offset: query.offset }),
        ...(query.limit === undefined ? {} : { limit: query.limit }),
      }),
    );
  });
  router.get('/api/collections/:name/documents/:id/text', async (request, response) => {
    const { name, id } = parseInput(documentParametersSchema, request.params, 'path');
    response.json(await serviceFor(response).getDocumentText(name, id));
  });
  router.delete('/api/collections/:name/documents/:id', async (request, response) => {
    const { name, id } = parseInput(documentParametersSchema, request.params, 'path');
    const deleted = await serviceFor(response).deleteDocument(name, id);
    if (!deleted) throw new AndesError('not_found', `No document ${id} in collection ${name}.`);
    response.status(204).end();
  });
  return router;
}
