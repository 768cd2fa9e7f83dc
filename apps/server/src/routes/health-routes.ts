import { Router } from 'express';
import { AndesError } from '@andes/core';
import type { AndesService } from '@andes/runtime';
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
 * (readiness in `details`) while they load or the server drains.
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
    if (!readiness.ready) throw new AndesError('not_ready', 'The store or a model is still loading.', { details: { readiness } });
    response.json(readiness);
  });
  return router;
}
