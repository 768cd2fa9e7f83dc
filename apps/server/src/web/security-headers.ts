import type { RequestHandler } from 'express';

/**
 * Headers for every response: a Content-Security-Policy that lets the web UI load only its own files (it has no
 * inline script or style), no MIME sniffing, no framing, no referrer.
 */
export const securityHeaders: RequestHandler = (_request, response, next) => {
  response.set({
    'Content-Security-Policy':
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
      "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
  });
  next();
};
