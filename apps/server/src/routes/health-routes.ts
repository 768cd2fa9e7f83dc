import { Router } from 'express';
import { AndesError } from '@andes-rag/core';
import type { AndesService } from '@andes-rag/runtime';
import { eventLoopDelayMonitor } from './event-loop-delay.js';

/** Dependencies of {@link createHealthRoutes}. */
export interface HealthRoutesDependencies {
  service: AndesService;
  /** True while the server drains for shutdown. */
  isDraining: () => boolean;
}

/**
 * `GET /healthz`: 200 `{status: "ok", eventLoopDelayMs: {p50, p99, max}}` while the process serves HTTP (see
 * {@link eventLoopDelayMonitor}).
 * `GET /readyz`: 200 with the service's readiness once the store and models are loaded; 503 `not_ready`
 * (readiness in `details`) while they load or the server drains; 503 `store_corrupt` / `store_foreign` when the
 * store is damaged or foreign (found on open or while serving).
 */
export function createHealthRoutes({ service, isDraining }: HealthRoutesDependencies): Router {
  const router = Router();
  const eventLoopDelay = eventLoopDelayMonitor();
  router.get('/healthz', (_request, response) => {
    response.json({ status: 'ok', eventLoopDelayMs: eventLoopDelay.read() });
  });
  router.get('/readyz', (_request, response) => {
    const readiness = service.readiness();
    if (isDraining()) throw new AndesError('not_ready', 'The server is shutting down.', { details: { readiness } });
    // A damaged store is not "still loading": 503 with its own code and what to run (`andes doctor`).
    if (readiness.storeProblem) {
      const { code, message } = readiness.storeProblem;
      throw new AndesError(code, message, { details: { readiness } });
    }
    if (!readiness.ready)
      throw new AndesError('not_ready', 'The store or a model is still loading.', { details: { readiness } });
    response.json(readiness);
  });
  return router;
}
