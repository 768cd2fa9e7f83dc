import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AndesError } from '@andes/core';

/**
 * Requires `Authorization: Bearer <adminKey>` on every request it sees (mount it on `/api` and `/v1`; the probes
 * `/healthz` and `/readyz` live outside both), answering 401 `unauthorized` with `WWW-Authenticate: Bearer`
 * otherwise. The key is compared as SHA-256 digests with `timingSafeEqual`, so neither its length nor its content
 * leaks through timing. CORS preflights (`OPTIONS`) carry no credentials and are answered before this runs.
 * With no key configured it lets everything through: auth is off (allowed only on loopback, see `bind-policy.ts`).
 */
export function createAdminKeyAuth(adminKey: string | undefined): RequestHandler {
  if (adminKey === undefined) return (_request, _response, next) => next();
  const expected = digest(adminKey);
  return (request, response, next) => {
    const presented = bearerToken(request.headers.authorization);
    if (presented !== undefined && timingSafeEqual(digest(presented), expected)) {
      next();
      return;
    }
    response.set('WWW-Authenticate', 'Bearer realm="andes"');
    const message =
      presented === undefined
        ? 'This server requires an API key: send Authorization: Bearer <key>.'
        : 'The API key is not valid.';
    next(new AndesError('unauthorized', message));
  };
}

/** The token of an `Authorization: Bearer <token>` header, or undefined when there is none. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
