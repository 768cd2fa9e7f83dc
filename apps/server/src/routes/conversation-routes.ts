import { Router } from 'express';
import { z } from 'zod';
import { AndesError } from '@andes-rag/core';
import { assistantNameSchema, type AndesConfig } from '@andes-rag/runtime';
import { abortOnDisconnect } from '../http/abort-on-disconnect.js';
import { parseInput } from '../http/parse-input.js';
import { serviceFor } from '../security/request-caller.js';
import { respondWithAnswer } from './answer-response.js';
import { collectionNameSchema } from './collection-name-schema.js';

/** Dependencies of {@link createConversationRoutes}. */
export interface ConversationRouteDependencies {
  config: AndesConfig;
}

/** A conversation's or message's id in a path. */
export const conversationIdSchema = z.string().regex(/^[\w-]{1,100}$/, 'not an id');
const idSchema = conversationIdSchema;

/** The bodies of the conversation routes (also their OpenAPI description). */
export function conversationBodySchemas(config: Pick<AndesConfig, 'maxQuestionChars'>) {
  return {
    create: z
      .object({ assistant: assistantNameSchema.optional(), collection: collectionNameSchema.optional() })
      .strict()
      .refine(
        (body) => (body.assistant === undefined) !== (body.collection === undefined),
        'give either assistant or collection',
      ),
    message: z.object({ content: z.string().trim().min(1).max(config.maxQuestionChars) }).strict(),
    feedback: z.object({ rating: z.enum(['up', 'down']), comment: z.string().max(2000).optional() }).strict(),
  };
}

/**
 * Conversations, owned by the caller (an API key's id, or `local` without keys); another caller's conversation is 404:
 * - `POST /api/conversations {assistant} | {collection}` → 201 `{id, ...}`
 * - `GET /api/conversations` → `{conversations}` (the caller's own), `GET /api/conversations/:id` → with `messages`
 * - `DELETE /api/conversations/:id` → 204
 * - `POST /api/conversations/:id/messages {content}` → like `/api/ask` (JSON, or SSE with `Accept: text/event-stream`),
 *   plus `conversationId`, `questionMessageId` and `messageId`; the earlier turns are the history
 * - `POST /api/conversations/:id/messages/:messageId/feedback {rating: "up" | "down", comment?}` → the rated message
 */
export function createConversationRoutes({ config }: ConversationRouteDependencies): Router {
  const { create: createSchema, message: messageSchema, feedback: feedbackSchema } = conversationBodySchemas(config);
  const router = Router();

  router.post('/api/conversations', async (request, response) => {
    requireJson(request.is('application/json'));
    const body = parseInput(createSchema, request.body, 'body');
    const conversation = await serviceFor(response).createConversation({
      ...(body.assistant === undefined ? {} : { assistant: body.assistant }),
      ...(body.collection === undefined ? {} : { collection: body.collection }),
    });
    response.status(201).json(conversation);
  });
  router.get('/api/conversations', async (_request, response) => {
    response.json({ conversations: await serviceFor(response).listConversations() });
  });
  router.get('/api/conversations/:id', async (request, response) => {
    response.json(await serviceFor(response).getConversation(parseInput(idSchema, request.params.id, 'id')));
  });
  router.delete('/api/conversations/:id', async (request, response) => {
    await serviceFor(response).deleteConversation(parseInput(idSchema, request.params.id, 'id'));
    response.status(204).end();
  });
  router.post('/api/conversations/:id/messages', async (request, response) => {
    requireJson(request.is('application/json'));
    const conversationId = parseInput(idSchema, request.params.id, 'id');
    const { content } = parseInput(messageSchema, request.body, 'body');
    const signal = abortOnDisconnect(response);
    await respondWithAnswer(request, response, (callbacks) =>
      serviceFor(response).sendMessage({ conversationId, content, signal, ...callbacks }),
    );
  });
  router.post('/api/conversations/:id/messages/:messageId/feedback', async (request, response) => {
    requireJson(request.is('application/json'));
    const body = parseInput(feedbackSchema, request.body, 'body');
    const rated = await serviceFor(response).rateMessage({
      conversationId: parseInput(idSchema, request.params.id, 'id'),
      messageId: parseInput(idSchema, request.params.messageId, 'messageId'),
      rating: body.rating,
      ...(body.comment === undefined ? {} : { comment: body.comment }),
    });
    response.json(rated);
  });
  return router;
}

function requireJson(isJson: string | false | null): void {
  if (isJson === false)
    throw new AndesError('invalid_request', 'This route takes a JSON body (Content-Type: application/json).');
}
