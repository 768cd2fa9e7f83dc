import { Router } from 'express';
import { z } from 'zod';
import { AndesError } from '@andes-rag/core';
import { parseInput } from '../http/parse-input.js';
import { collectionNameSchema } from './collection-name-schema.js';
import { serviceFor } from '../security/request-caller.js';

const documentParametersSchema = z.object({ name: collectionNameSchema, id: z.string().min(1).max(256) });

/**
 * `GET /api/collections` → `{collections}`;
 * `GET /api/collections/:name/documents` → `{documents}` (404 `collection_not_found` for an unknown collection);
 * `DELETE /api/collections/:name/documents/:id` → 204, or 404 `not_found`.
 */
export function createCollectionRoutes(): Router {
  const router = Router();
  router.get('/api/collections', async (_request, response) => {
    response.json({ collections: await serviceFor(response).listCollections() });
  });
  router.get('/api/collections/:name/documents', async (request, response) => {
    const { name } = parseInput(documentParametersSchema.pick({ name: true }), request.params, 'path');
    response.json({ documents: await serviceFor(response).listDocuments(name) });
  });
  router.delete('/api/collections/:name/documents/:id', async (request, response) => {
    const { name, id } = parseInput(documentParametersSchema, request.params, 'path');
    const deleted = await serviceFor(response).deleteDocument(name, id);
    if (!deleted) throw new AndesError('not_found', `No document ${id} in collection ${name}.`);
    response.status(204).end();
  });
  return router;
}
