import type { RequestHandler } from 'express';
import { AndesError } from '@andes-rag/core';

/** Methods that only read; everything else changes data (or runs a model) and is guarded. */
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses writes (POST, PUT, PATCH, DELETE, ...) sent by a browser page of another site, with 403 `forbidden`: a
 * multipart or `text/plain` POST needs no CORS preflight, so without this any web page could upload, delete or run
 * generations on a server its visitor can reach. A request is let through when it has no `Origin` header and no
 * `Sec-Fetch-Site: cross-site` (curl, SDKs, servers), when its `Origin` is the server's own (the web UI), or when
 * it is one of `allowedOrigins` (`config.corsOrigins`).
 */
export function createCrossSiteGuard(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins.map(normalizeOrigin));
  return (request, _response, next) => {
    if (safeMethods.has(request.method)) {
      next();
      return;
    }
    const origin = request.headers.origin;
    if (origin === undefined) {
      const isCrossSite = request.headers['sec-fetch-site'] === 'cross-site';
      next(isCrossSite ? refusal('a page of another site') : undefined);
      return;
    }
    if (isSameOrigin(origin, request.headers.host) || allowed.has(normalizeOrigin(origin))) {
      next();
      return;
    }
    next(refusal(`the origin ${origin}`));
  };
}

/**
 * True when `origin` names the host (and port) the request was sent to: the server's own web UI. The `Host` header
 * is read under the origin's scheme, so default ports compare equal (`https://a` and `Host: a`).
 */
export function isSameOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined || host === '') return false;
  try {
    const originUrl = new URL(origin);
    if (originUrl.protocol !== 'http:' && originUrl.protocol !== 'https:') return false;
    return new URL(`${originUrl.protocol}//${host}`).host === originUrl.host;
  } catch {
    return false;
  }
}

function normalizeOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}

function refusal(sender: string): AndesError {
  return new AndesError(
    'forbidden',
    `Requests that change data are not accepted from ${sender}. Allow a trusted origin with ANDES_CORS_ORIGINS.`,
  );
}
