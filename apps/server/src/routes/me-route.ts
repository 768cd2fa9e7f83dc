import { Router } from 'express';
import { callerOf } from '../security/request-caller.js';

/** Dependencies of {@link createMeRoute}. */
export interface MeRouteDependencies {
  /** True when the server asks for keys (`ANDES_ADMIN_KEY` is set). */
  authEnabled: boolean;
}

/**
 * `GET /api/me` → `{keyId, role, collections, groups, authEnabled}` for the calling key: `keyId` null for the
 * bootstrap admin key or when authentication is off (then the caller is an admin of every collection),
 * `collections` null for every collection. The web UI reads it to offer only what the role may do.
 */
export function createMeRoute({ authEnabled }: MeRouteDependencies): Router {
  const router = Router();
  router.get('/api/me', (_request, response) => {
    const { keyId, role, collections, groups } = callerOf(response);
    response.json({ keyId, role, collections, groups, authEnabled });
  });
  return router;
}
