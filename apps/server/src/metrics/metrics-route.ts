import { Router } from 'express';
import type { ServerMetrics } from './server-metrics.js';

/**
 * `GET /metrics`: Prometheus's text format. Outside `/api`, like the probes, so a scraper needs no key; it holds
 * counts, timings and route patterns only, never document text, questions or names from paths.
 */
export function createMetricsRoute(metrics: ServerMetrics): Router {
  const router = Router();
  router.get('/metrics', async (_request, response, next) => {
    try {
      response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    } catch (error) {
      next(error);
    }
  });
  return router;
}
