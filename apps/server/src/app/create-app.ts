import express, { type Express } from 'express';
import { createErrorHandler, notFoundHandler } from '../http/error-handler.js';
import { requestLogging } from '../logging/request-logging.js';
import { createAskRoute } from '../routes/ask-route.js';
import { createAssistantRoutes } from '../routes/assistant-routes.js';
import { createConversationRoutes } from '../routes/conversation-routes.js';
import { createCollectionRoutes } from '../routes/collection-routes.js';
import { createEvalReportsRoutes } from '../routes/eval-reports-route.js';
import { createHealthRoutes } from '../routes/health-routes.js';
import { createOpenAiRoutes } from '../routes/openai/openai-routes.js';
import { createSearchRoute } from '../routes/search-route.js';
import { createUploadRoute } from '../routes/upload-route.js';
import { instrumentService } from '../metrics/instrumented-service.js';
import { metricsMiddleware } from '../metrics/metrics-middleware.js';
import { createMetricsRoute } from '../metrics/metrics-route.js';
import { ServerMetrics } from '../metrics/server-metrics.js';
import { createOpenApiRoutes } from '../openapi/openapi-routes.js';
import { createKeyRoutes } from '../routes/key-routes.js';
import { createMeRoute } from '../routes/me-route.js';
import { createKeyAuth } from '../security/key-auth.js';
import { createRateLimit } from '../security/rate-limit.js';
import { requireRole } from '../security/request-caller.js';
import { createCorsPolicy } from '../security/cors-policy.js';
import { createCrossSiteGuard } from '../security/cross-site-guard.js';
import { createHostGuard } from '../security/host-guard.js';
import { publicDirectory } from '../web/public-directory.js';
import { securityHeaders } from '../web/security-headers.js';
import type { AppDependencies } from './app-dependencies.js';

/** The API's mount points; guarded by CORS, the cross-site check, key auth and the rate limit. The probes stay outside. */
const apiPaths = ['/api', '/v1'];

/** Default for {@link AppDependencies.jsonBodyLimitBytes}: 1 MiB. */
export const defaultJsonBodyLimitBytes = 1024 * 1024;

/**
 * Builds the Express app: the JSON API under `/api`, the OpenAI-compatible API under `/v1` (with OpenAI's error
 * shape), health probes, the web UI at `/`, a JSON 404 for anything
 * else and one error handler that maps AndesError codes to statuses. Every request first passes the `Host` check
 * (DNS rebinding); `/api` and `/v1` then pass CORS, the cross-site write check and the admin key (`src/security/`).
 * No side effects: it neither listens nor touches the process; `startServer` does that.
 */
export function createApp(dependencies: AppDependencies): Express {
  const { config, logger } = dependencies;
  const metrics = new ServerMetrics();
  const service = instrumentService(dependencies.service, metrics);
  const app = express();
  app.disable('x-powered-by');
  app.use(metricsMiddleware(metrics));
  app.use(requestLogging(logger));
  app.use(securityHeaders);
  // Before any body is read: who may ask at all (Host), CORS and preflights, cross-site writes, then the key.
  app.use(createHostGuard({ allowedHosts: config.allowedHosts, boundHost: config.host }));
  app.use(
    apiPaths,
    createCorsPolicy(config.corsOrigins),
    createCrossSiteGuard(config.corsOrigins),
    createKeyAuth({ adminKey: config.adminKey, service }),
    createRateLimit(config.rateLimitPerMinute),
  );
  app.use(express.json({ limit: dependencies.jsonBodyLimitBytes ?? defaultJsonBodyLimitBytes }));
  app.use(createHealthRoutes({ service, isDraining: dependencies.isDraining ?? (() => false) }));
  app.use(createMetricsRoute(metrics));
  app.use(createOpenApiRoutes(config));
  app.use(createKeyRoutes(service));
  app.use(createMeRoute({ authEnabled: config.adminKey !== undefined }));
  app.use(createCollectionRoutes());
  app.use(createUploadRoute({ config }));
  app.use(createSearchRoute({ config }));
  app.use(createAskRoute({ config }));
  app.use(createAssistantRoutes());
  app.use(createConversationRoutes({ config }));
  // Evaluation reports quote questions, answers and passages from every document: admins only.
  app.use('/api/eval', (_request, response, next) => {
    requireRole(response, 'admin');
    next();
  });
  app.use(createEvalReportsRoutes({ config }));
  app.use('/v1', ...createOpenAiRoutes({ service, logger }));
  app.use(express.static(publicDirectory, { index: 'index.html', redirect: false }));
  app.use(notFoundHandler);
  app.use(createErrorHandler(logger));
  return app;
}
