import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type AugmentedRequest } from 'express-rate-limit';
import { AndesError, type Caller } from '@andes-rag/core';

/**
 * At most `perMinute` requests per API key per minute on what it guards (a fixed one-minute window, in memory);
 * past it, 429 `queue_full` with `Retry-After` and the draft-8 `RateLimit` headers. The bootstrap admin key counts
 * as one key; with auth off the client address stands for the key. `perMinute` 0 turns it off. Mount it after
 * `createKeyAuth`, which finds the key.
 */
export function createRateLimit(perMinute: number): RequestHandler {
  if (perMinute === 0) return (_request, _response, next) => next();
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (request, response) => {
      const caller = response.locals.caller as Caller | undefined;
      if (caller?.keyId) return `key:${caller.keyId}`;
      return `address:${ipKeyGenerator(request.ip ?? 'unknown')}`;
    },
    handler: (request, _response, next) => {
      const resetTime = (request as Partial<AugmentedRequest>).rateLimit?.resetTime;
      const retryAfterSeconds =
        resetTime === undefined ? 60 : Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000));
      next(
        new AndesError('queue_full', `Too many requests: at most ${perMinute} a minute per API key.`, {
          details: { retryAfterSeconds },
        }),
      );
    },
  });
}
