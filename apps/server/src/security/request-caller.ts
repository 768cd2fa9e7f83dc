import type { Response } from 'express';
import { AndesError, hasRole, mayUseCollection, type Caller, type Role } from '@andes-rag/core';
import type { AndesService } from '@andes-rag/runtime';

/**
 * Who calls, as `createKeyAuth` found. Throws `internal_error` when the request did not pass it, so a route mounted
 * outside `/api` or `/v1` fails closed instead of running as nobody in particular.
 */
export function callerOf(response: Response): Caller {
  const caller = response.locals.caller as Caller | undefined;
  if (caller === undefined) throw new AndesError('internal_error', 'The request was not authenticated.');
  return caller;
}

/** The service as this request's caller may use it (see `callerScopedService`). Fails closed like {@link callerOf}. */
export function serviceFor(response: Response): AndesService {
  const service = response.locals.andesService as AndesService | undefined;
  if (service === undefined) throw new AndesError('internal_error', 'The request was not authenticated.');
  return service;
}

/** Throws 403 `forbidden` unless the caller has `role` or a stronger one. */
export function requireRole(response: Response, role: Role): void {
  const caller = callerOf(response);
  if (!hasRole(caller, role)) throw new AndesError('forbidden', `A ${caller.role} key may not do this.`);
}

/**
 * Before reading an upload's body: a collection outside the key answers 404 exactly like a missing one, then a
 * role below editor 403.
 */
export function requireCollectionWrite(response: Response, collection: string): void {
  const caller = callerOf(response);
  if (!mayUseCollection(caller, collection)) {
    throw new AndesError('collection_not_found', `Collection "${collection}" does not exist.`, {
      details: { collection },
    });
  }
  requireRole(response, 'editor');
}
