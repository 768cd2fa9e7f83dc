import { isIP } from 'node:net';
import type { RequestHandler } from 'express';
import { AndesError } from '@andes-rag/core';
import { isLoopbackHost, isWildcardHost, stripBrackets } from './loopback-host.js';

/** What {@link createHostGuard} accepts. */
export interface HostGuardOptions {
  /** Extra host names (`config.allowedHosts`), any port; `*` accepts every host. */
  allowedHosts: readonly string[];
  /** The address or name the server is bound to (`config.host`); accepted when it is not a wildcard. */
  boundHost: string;
}

/** Paths answered whatever the `Host` header says: probes from orchestrators use the pod's address or any name. */
const unguardedPaths = new Set(['/healthz', '/readyz']);

/**
 * Refuses requests whose `Host` header names a host this server was not configured for, with 421
 * `misdirected_request`: a page on `attacker.example` whose name was rebound to 127.0.0.1 reaches the server with
 * `Host: attacker.example`, so this is what stops DNS rebinding. Accepted: IP addresses (rebinding needs a name),
 * the loopback names, the bound host and `allowedHosts`.
 */
export function createHostGuard(options: HostGuardOptions): RequestHandler {
  const allowsAny = options.allowedHosts.includes('*');
  const names = new Set(options.allowedHosts.map(hostnameOf).filter((name): name is string => name !== undefined));
  if (!isWildcardHost(options.boundHost)) {
    const bound = hostnameOf(options.boundHost);
    if (bound !== undefined) names.add(bound);
  }
  return (request, _response, next) => {
    if (allowsAny || unguardedPaths.has(request.path)) {
      next();
      return;
    }
    const hostname = hostnameOf(request.headers.host ?? '');
    if (
      hostname !== undefined &&
      (isIP(stripBrackets(hostname)) !== 0 || isLoopbackHost(hostname) || names.has(hostname))
    ) {
      next();
      return;
    }
    next(
      new AndesError(
        'misdirected_request',
        `This server does not answer to the host "${request.headers.host ?? ''}". Add it to ANDES_ALLOWED_HOSTS if it is yours.`,
        { details: { host: request.headers.host ?? null } },
      ),
    );
  };
}

/** The lower-case host name of a `Host` header or a configured entry (port dropped), or undefined when malformed. */
export function hostnameOf(host: string): string | undefined {
  const trimmed = host.trim();
  if (trimmed === '') return undefined;
  // A bare IPv6 address (a configured `::1`) needs brackets to parse as a URL's host.
  const bracketed = isIP(trimmed) === 6 ? `[${trimmed}]` : trimmed;
  try {
    const url = new URL(`http://${bracketed}/`);
    return url.username === '' && url.pathname === '/' ? url.hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}
