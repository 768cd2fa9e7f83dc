import cors from 'cors';
import type { RequestHandler } from 'express';

/**
 * CORS for `/api` and `/v1` through the `cors` package: the origins in `allowedOrigins` (`config.corsOrigins`) get
 * `Access-Control-Allow-Origin` and answered preflights (any method the API has, the headers they ask for,
 * `Authorization` included; `Retry-After` readable); every other origin gets no CORS headers, so browsers keep
 * their pages from reading the answers. No cookies are involved: credentials are not allowed.
 */
export function createCorsPolicy(allowedOrigins: readonly string[]): RequestHandler {
  return cors({
    origin: [...allowedOrigins],
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    exposedHeaders: ['Retry-After'],
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
}
