import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { AndesError, implicitAdmin, type Caller } from '@andes-rag/core';
import { callerScopedService, type AndesService } from '@andes-rag/runtime';
import { bearerToken } from './bearer-token.js';

/** Options of {@link createKeyAuth}. */
export interface KeyAuthOptions {
  /** The bootstrap admin key (`config.adminKey`); undefined turns authentication off (loopback only). */
  adminKey: string | undefined;
  /** The service; its `apiKeys()` store holds the keys made with `POST /api/keys`. */
  service: AndesService;
}

/**
 * Finds who calls, and hands the routes the service as that caller may use it (`callerScopedService`):
 * `Authorization: Bearer <key>` with the bootstrap admin key is an admin; with a key from the key store, that key's
 * role, collections and groups. No key or an unknown one: 401 `unauthorized` with `WWW-Authenticate: Bearer`.
 * The admin key is compared as SHA-256 digests with `timingSafeEqual`; stored keys are found by their hash and
 * compared the same way (`SqliteApiKeyStore`). With no admin key configured authentication is off and every request
 * is the implicit admin (allowed only on loopback, see `bind-policy.ts`). Mount it on `/api` and `/v1`.
 */
export function createKeyAuth({ adminKey, service }: KeyAuthOptions): RequestHandler {
  const expected = adminKey === undefined ? undefined : digest(adminKey);
  return (request, response, next) => {
    const presented = bearerToken(request.headers.authorization);
    if (expected === undefined) {
      setCaller(response, service, implicitAdmin);
      next();
      return;
    }
    if (presented !== undefined && timingSafeEqual(digest(presented), expected)) {
      setCaller(response, service, implicitAdmin);
      next();
      return;
    }
    void authenticateStored(service, presented).then(
      (caller) => {
        if (caller !== undefined) {
          setCaller(response, service, caller);
          next();
          return;
        }
        response.set('WWW-Authenticate', 'Bearer realm="andes"');
        const message =
          presented === undefined
            ? 'This server requires an API key: send Authorization: Bearer <key>.'
            : 'The API key is not valid.';
        next(new AndesError('unauthorized', message));
      },
      (error: unknown) => next(error),
    );
  };
}

async function authenticateStored(service: AndesService, presented: string | undefined): Promise<Caller | undefined> {
  if (presented === undefined) return undefined;
  const store = await service.apiKeys?.();
  const record = await store?.authenticate(presented);
  if (record === undefined) return undefined;
  return { keyId: record.id, role: record.role, collections: record.collections, groups: record.groups };
}

function setCaller(response: Response, service: AndesService, caller: Caller): void {
  response.locals.caller = caller;
  response.locals.andesService = callerScopedService(service, caller);
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
