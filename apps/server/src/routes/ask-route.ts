import { Router, type Request } from 'express';
import { z } from 'zod';
import { AndesError } from '@andes-rag/core';
import { assistantNameSchema, maxResultCount, type AndesConfig, type AskRequest } from '@andes-rag/runtime';
import { abortOnDisconnect } from '../http/abort-on-disconnect.js';
import { describeAndLogError } from '../http/error-handler.js';
import { EventStream } from '../http/event-stream.js';
import { parseInput } from '../http/parse-input.js';
import { collectionNameSchema } from './collection-name-schema.js';
import { historySchema } from './history-schema.js';
import { bodyFilterSchema } from './search-filter-schema.js';
import { searchFilter } from './search-filter.js';
import { serviceFor } from '../security/request-caller.js';

/** Dependencies of {@link createAskRoute}. */
export interface AskRouteDependencies {
  config: AndesConfig;
}

/**
 * `POST /api/ask` with a JSON body `{question, collection = "default", k?, filter?, history?}` →
 * `{answer, mode, citations, standaloneQuestion?}`. `filter` is `{sourcePrefix?, types?, tags?}` (types: media types or
 * extensions), applied inside retrieval. `history` is the conversation so far, `[{role: "user" | "assistant",
 * content}]` oldest first: with a chat model a follow-up is rewritten into the standalone question it means
 * (returned as `standaloneQuestion`) before searching. When no passage clears the relevance threshold the answer
 * says the documents do not cover the question.
 * With `Accept: text/event-stream` the answer streams as SSE: `token` events `{"text"}`, then one `done` event with
 * `{answer, mode, citations}`; a failure after the first event arrives as an `error` event `{code, message}`.
 * A client that disconnects aborts the generation. Errors are logged through the request's logger (pino-http).
 */
export function createAskRoute({ config }: AskRouteDependencies): Router {
  const bodySchema = z.object({
    question: z.string().trim().min(1).max(config.maxQuestionChars),
    collection: collectionNameSchema.optional(),
    assistant: assistantNameSchema.optional(),
    k: z.number().int().min(1).max(maxResultCount).optional(),
    filter: bodyFilterSchema.optional(),
    history: historySchema.optional(),
  });
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
    const filter = searchFilter(body.filter?.sourcePrefix, body.filter?.types, body.filter?.tags);
    const ask: AskRequest = {
      collection: body.collection ?? 'default',
      ...(body.assistant === undefined ? {} : { assistant: body.assistant }),
      question: body.question,
      signal: abortOnDisconnect(response),
      ...(body.k === undefined ? {} : { k: body.k }),
      ...(filter ? { filter } : {}),
      ...(body.history ? { history: body.history } : {}),
    };
    if (!wantsEventStream(request)) {
      response.json(await serviceFor(response).ask(ask));
      return;
    }
    const stream = new EventStream(response);
    try {
      const answer = await serviceFor(response).ask({ ...ask, onTextChunk: (text) => stream.send('token', { text }) });
      stream.send('done', answer);
    } catch (error) {
      if (!stream.started) throw error;
      stream.send('error', describeAndLogError(error, response, request.log).body.error);
    }
    stream.end();
  });
  return router;
}

function wantsEventStream(request: Request): boolean {
  return request.accepts(['application/json', 'text/event-stream']) === 'text/event-stream';
}
