import type { RequestHandler } from 'express';
import type { ServerMetrics } from './server-metrics.js';

/**
 * Counts and times every request once its response finishes (or its client leaves). The route label is the pattern
 * Express matched (`/api/collections/:collection/documents`), `static` for web files and `unmatched` for 404s, so
 * names and ids in paths never become labels.
 */
export function metricsMiddleware(metrics: ServerMetrics): RequestHandler {
  return (request, response, next) => {
    const stopTimer = metrics.httpRequestDuration.startTimer();
    response.once('close', () => {
      const pattern = request.route?.path;
      const route =
        typeof pattern === 'string'
          ? `${request.baseUrl}${pattern}`
          : request.method === 'GET' && response.statusCode < 400
            ? 'static'
            : 'unmatched';
      const labels = { method: request.method, route, status: String(response.statusCode) };
      metrics.httpRequests.inc(labels);
      stopTimer(labels);
    });
    next();
  };
}
