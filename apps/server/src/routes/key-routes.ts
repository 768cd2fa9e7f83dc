import { Router } from 'express';
import { z } from 'zod';
import { AndesError, type ApiKeyStore } from '@andes-rag/core';
import { newApiKeyOf, newApiKeySchema, type AndesService } from '@andes-rag/runtime';
import { parseInput } from '../http/parse-input.js';
import { requireRole } from '../security/request-caller.js';

/** The path parameters of `DELETE /api/keys/:id`. */
export const keyParametersSchema = z.object({ id: z.string().min(1).max(200) });

/**
 * `POST /api/keys` (201 with the key's secret, shown this once), `GET /api/keys` (no secrets) and
 * `DELETE /api/keys/:id` (revoked at once; 404 for an unknown id). Admins only: 403 for other keys.
 */
export function createKeyRoutes(service: AndesService): Router {
  const router = Router();
  const store = async (): Promise<ApiKeyStore> => {
    const keys = await service.apiKeys?.();
    if (keys === undefined) throw new AndesError('not_found', 'This server keeps no API keys.');
    return keys;
  };
  router.post('/api/keys', async (request, response) => {
    requireRole(response, 'admin');
    const body = parseInput(newApiKeySchema, request.body ?? {}, 'body');
    const created = await (await store()).create(newApiKeyOf(body));
    const { id, key, name, role, collections, groups, createdAt } = created;
    response.status(201).json({ id, key, name, role, collections, groups, createdAt });
  });
  router.get('/api/keys', async (_request, response) => {
    requireRole(response, 'admin');
    response.json({ keys: await (await store()).list() });
  });
  router.delete('/api/keys/:id', async (request, response) => {
    requireRole(response, 'admin');
    const { id } = parseInput(keyParametersSchema, request.params, 'path');
    if (!(await (await store()).revoke(id)))
      throw new AndesError('not_found', `No API key has the id "${id}".`, { details: { id } });
    response.status(204).end();
  });
  return router;
}
