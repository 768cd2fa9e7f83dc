import { Router } from 'express';
import { z } from 'zod';
import type { AndesConfig, AndesService } from '@andes/runtime';
import { parseInput } from '../http/parse-input.js';
import { collectionNameSchema } from './collection-name-schema.js';

/** Dependencies of {@link createSearchRoute}. */
export interface SearchRouteDependencies {
  service: AndesService;
  config: AndesConfig;
}

/**
 * `GET /api/search?collection=NAME&q=TEXT&k=10` → `{hits}`, best first. `q` is 1 to `config.maxQuestionChars`
 * characters after trimming; `k` 1 to 100, default 10; `collection` defaults to `default`.
 */
export function createSearchRoute({ service, config }: SearchRouteDependencies): Router {
  const querySchema = z.object({
    collection: collectionNameSchema.default('default'),
    q: z.string().trim().min(1).max(config.maxQuestionChars),
    k: z.coerce.number().int().min(1).max(100).default(10),
  });
  const router = Router();
  router.get('/api/search', async (request, response) => {
    const query = parseInput(querySchema, request.query, 'query');
    const hits = await service.search({ collection: query.collection, query: query.q, k: query.k });
    response.json({ hits });
  });
  return router;
}
