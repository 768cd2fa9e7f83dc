import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger as PinoLogger } from 'pino';
import type { AndesService } from '@andes-rag/runtime';
import { createChatCompletionsRoute } from './chat-completions-route.js';
import { createEmbeddingsRoute } from './embeddings-route.js';
import { createModelsRoute } from './models-route.js';
import { createOpenAiErrorHandler, openAiNotFoundHandler } from './openai-error.js';

/** Dependencies of {@link createOpenAiRoutes}. */
export interface OpenAiRoutesDependencies {
  service: AndesService;
  /** For errors no request logger saw. */
  logger: PinoLogger;
}

/**
 * The OpenAI-compatible API, to mount at `/v1` (`app.use('/v1', ...createOpenAiRoutes(...))`): `GET /models`,
 * `POST /chat/completions`, `POST /embeddings`, a 404 for other paths, and an error handler that answers every
 * failure under `/v1` (malformed JSON included) in OpenAI's `{error: {message, type, param, code}}` shape.
 */
export function createOpenAiRoutes({ logger }: OpenAiRoutesDependencies): Array<RequestHandler | ErrorRequestHandler> {
  return [
    createModelsRoute(),
    createChatCompletionsRoute(),
    createEmbeddingsRoute(),
    openAiNotFoundHandler,
    createOpenAiErrorHandler(logger),
  ];
}
