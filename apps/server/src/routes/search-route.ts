import { Router } from 'express';
import { z } from 'zod';
import { maxResultCount, type AndesConfig, type SearchRequest } from '@andes-rag/runtime';
import { parseInput } from '../http/parse-input.js';
import { collectionNameSchema } from './collection-name-schema.js';
import { queryFlagSchema, queryTagsSchema, queryTypesSchema, sourcePrefixSchema } from './search-filter-schema.js';
import { searchFilter } from './search-filter.js';
import { serviceFor } from '../security/request-caller.js';

/** Dependencies of {@link createSearchRoute}. */
export interface SearchRouteDependencies {
  config: AndesConfig;
}

/** The query string of `GET /api/search` (also its OpenAPI description). */
export function searchQuerySchema(config: Pick<AndesConfig, 'maxQuestionChars'>) {
  return z.object({
    collection: collectionNameSchema.default('default'),
    q: z.string().trim().min(1).max(config.maxQuestionChars),
    k: z.coerce.number().int().min(1).max(maxResultCount).default(10),
    sourcePrefix: sourcePrefixSchema.optional(),
    type: queryTypesSchema.optional(),
    tag: queryTagsSchema.optional(),
    explain: queryFlagSchema.default(false),
  });
}

/**
 * `GET /api/search?collection=NAME&q=TEXT&k=10` → `{hits}`, best first. `q` is 1 to `config.maxQuestionChars`
 * characters after trimming; `k` 1 to `maxResultCount` (100), default 10; `collection` defaults to `default`.
 * Filters, applied inside retrieval: `sourcePrefix=handbook/` (documents whose source starts with it) and `type`
 * (a media type or extension: `type=md`, repeated or comma-separated for several), and `tag` (documents carrying
 * any of the tags: `tag=hr&tag=it` or `tag=hr,it`).
 * `explain=1` → `{hits, trace}`: every stage's ranks and scores (BM25, dense, fusion, rerank) per hit, and the
 * relevance threshold's verdict (`trace.threshold.covered`).
 */
export function createSearchRoute({ config }: SearchRouteDependencies): Router {
  const querySchema = searchQuerySchema(config);
  const router = Router();
  router.get('/api/search', async (request, response) => {
    const query = parseInput(querySchema, request.query, 'query');
    const filter = searchFilter(query.sourcePrefix, query.type, query.tag);
    const search: SearchRequest = {
      collection: query.collection,
      query: query.q,
      k: query.k,
      ...(filter ? { filter } : {}),
    };
    if (!query.explain) {
      response.json({ hits: await serviceFor(response).search(search) });
      return;
    }
    const { hits, trace } = await serviceFor(response).explainSearch(search);
    response.json({ hits, trace });
  });
  return router;
}
