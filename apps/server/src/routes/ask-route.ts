import { Router } from 'express';
import { z } from 'zod';
import { AndesError } from '@andes-rag/core';
import { assistantNameSchema, maxResultCount, type AndesConfig, type AskRequest } from '@andes-rag/runtime';
import { abortOnDisconnect } from '../http/abort-on-disconnect.js';
import { parseInput } from '../http/parse-input.js';
import { respondWithAnswer } from './answer-response.js';
import { collectionNameSchema } from './collection-name-schema.js';
import { historySchema } from './history-schema.js';
import { bodyFilterSchema } from './search-filter-schema.js';
import { searchFilter } from './search-filter.js';
import { serviceFor } from '../security/request-caller.js';

/** Dependencies of {@link createAskRoute}. */
export interface AskRouteDependencies {
  config: AndesConfig;
}

/** The body of `POST /api/ask` (also its OpenAPI description). */
export function askBodySchema(config: Pick<AndesConfig, 'maxQuestionChars'>) {
  return z.object({
    question: z.string().trim().min(1).max(config.maxQuestionChars),
    collection: collectionNameSchema.optional(),
    assistant: assistantNameSchema.optional(),
    version: z.number().int().min(1).optional(),
    k: z.number().int().min(1).max(maxResultCount).optional(),
    filter: bodyFilterSchema.optional(),
    history: historySchema.optional(),
  });
}

/**
 * `POST /api/ask` with a JSON body `{question, collection = "default" | assistant (+ version?), k?, filter?,
 * history?}` →
 * `{answer, mode, citations, standaloneQuestion?}`. `filter` is `{sourcePrefix?, types?, tags?}` (types: media types or
 * extensions), applied inside retrieval. `history` is the conversation so far, `[{role: "user" | "assistant",
 * content}]` oldest first: with a chat model a follow-up is rewritten into the standalone question it means
 * (returned as `standaloneQuestion`) before searching. When no passage clears the relevance threshold the answer
 * says the documents do not cover the question.
 * With `Accept: text/event-stream` the answer streams as SSE (`respondWithAnswer`): one `citations` event
 * `{"citations"}` after retrieval, `token` events `{"text"}`, then one `done` event with `{answer, mode, citations}`;
 * a failure after the first event arrives as an `error` event `{code, message}`.
 * A client that disconnects aborts the generation. Errors are logged through the request's logger (pino-http).
 */
export function createAskRoute({ config }: AskRouteDependencies): Router {
  const bodySchema = askBodySchema(config);
  const router = Router();
  router.post('/api/ask', async (request, response) => {
    if (request.is('application/json') === false) {
      throw new AndesError('invalid_request', 'POST /api/ask takes a JSON body (Content-Type: application/json).');
    }
    const body = parseInput(bodySchema, request.body, 'body');
    if (body.assistant !== undefined && body.collection !== undefined) {
      throw new AndesError('invalid_request', 'Give either collection or assistant, not both.', {
        details: { param: 'assistant' },
      });
    }
    if (body.version !== undefined && body.assistant === undefined) {
      throw new AndesError('invalid_request', 'version needs assistant.', { details: { param: 'version' } });
    }
    const filter = searchFilter(body.filter?.sourcePrefix, body.filter?.types, body.filter?.tags);
    const ask: AskRequest = {
      collection: body.collection ?? 'default',
      ...(body.assistant === undefined ? {} : { assistant: body.assistant }),
      ...(body.version === undefined ? {} : { assistantVersion: body.version }),
      question: body.question,
      signal: abortOnDisconnect(response),
      ...(body.k === undefined ? {} : { k: body.k }),
      ...(filter ? { filter } : {}),
      ...(body.history ? { history: body.history } : {}),
    };
    await respondWithAnswer(request, response, (callbacks) => serviceFor(response).ask({ ...ask, ...callbacks }));
  });
  return router;
}
