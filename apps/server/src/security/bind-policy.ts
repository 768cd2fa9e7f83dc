import { AndesError } from '@andes-rag/core';
import { isLoopbackHost } from './loopback-host.js';

/**
 * Refuses to serve beyond this machine without credentials: listening on any host but a loopback one (`localhost`,
 * 127.0.0.0/8, `::1`), wildcards `0.0.0.0` and `::` included, needs `adminKey` (env `ANDES_ADMIN_KEY`). Throws
 * AndesError `invalid_request` (the CLI exits 2) naming the fix.
 */
export function assertBindAllowed(host: string, adminKey: string | undefined): void {
  if (adminKey !== undefined || isLoopbackHost(host)) return;
  throw new AndesError(
    'invalid_request',
    `Refusing to listen on ${host} without an API key: anyone who can reach it could read, change and delete every ` +
      'document. Set ANDES_ADMIN_KEY (16+ characters) to require Authorization: Bearer <key>, or listen on 127.0.0.1.',
    { details: { host } },
  );
}

/** One line for the start banner saying whether requests need a key. */
export function authenticationSummary(adminKey: string | undefined): string {
  return adminKey === undefined
    ? 'auth off: no ANDES_ADMIN_KEY, so only this machine may connect (loopback)'
    : 'auth on: /api and /v1 need Authorization: Bearer <ANDES_ADMIN_KEY or a key made with POST /api/keys>';
}
