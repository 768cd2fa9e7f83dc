import express, { type Express } from 'express';
import { createErrorHandler, notFoundHandler } from '../http/error-handler.js';
import { requestLogging } from '../logging/request-logging.js';
import { createHealthRoutes } from '../routes/health-routes.js';
import { createInferenceModelsRoute } from '../routes/inference/inference-models-route.js';
import { createOpenAiRoutes } from '../routes/openai/openai-routes.js';
import { createKeyAuth } from '../security/key-auth.js';
import { createRateLimit } from '../security/rate-limit.js';
import { createHostGuard } from '../security/host-guard.js';
import type { AppDependencies } from './app-dependencies.js';
import { defaultJsonBodyLimitBytes } from './create-app.js';

/**
 * Builds the app of `andes serve --inference-only`: `GET /healthz`, `GET /readyz`, and under `/v1` only
 * `GET /models` (with `max_model_len`), `POST /chat/completions` and `POST /embeddings` from the loaded models, for
 * Andes API servers (`ANDES_INFERENCE_URL`) or any OpenAI client. No store, no `/api`, no web UI: everything else is
 * a JSON 404. The `Host` check, the admin key (`ANDES_ADMIN_KEY`, required off loopback) and the rate limit apply
 * as in {@link createApp}; no CORS (servers call it, not browsers). The rate limit counts per key, so set
 * `ANDES_RATE_LIMIT_PER_MINUTE=0` when API servers share one key.
 */
export function createInferenceApp(dependencies: AppDependencies): Express {
  const { service, config, logger } = dependencies;
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLogging(logger));
  app.use(createHostGuard({ allowedHosts: config.allowedHosts, boundHost: config.host }));
  app.use('/v1', createKeyAuth({ adminKey: config.adminKey, service }), createRateLimit(config.rateLimitPerMinute));
  app.use(express.json({ limit: dependencies.jsonBodyLimitBytes ?? defaultJsonBodyLimitBytes }));
  app.use(createHealthRoutes({ service, isDraining: dependencies.isDraining ?? (() => false) }));
  app.use('/v1', createInferenceModelsRoute(), ...createOpenAiRoutes({ service, logger }));
  app.use(notFoundHandler);
  app.use(createErrorHandler(logger));
  return app;
}
