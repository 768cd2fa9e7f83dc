import { useCallback, useEffect, useState } from 'react';
import { getJson, onUnauthorized } from '../api/api-client.js';
import { ApiError, describeError } from '../api/api-error.js';
import type { Me } from '../api/api-types.js';
import { clearApiKey, saveApiKey } from './key-storage.js';

/** Where the sign-in stands. */
export type Session =
  | { status: 'checking' }
  | { status: 'signed-out'; message?: string }
  | { status: 'failed'; message: string }
  | { status: 'signed-in'; me: Me };

/**
 * Who the page acts for: asks `GET /api/me` with the key kept for this tab; a 401 (now or on any later call) signs
 * out and asks for a key; an unreachable server is reported, not mistaken for a bad key.
 */
export function useSession(): {
  session: Session;
  signIn: (key: string) => Promise<void>;
  signOut: () => void;
  retry: () => void;
} {
  const [session, setSession] = useState<Session>({ status: 'checking' });

  const load = useCallback(async (): Promise<Session> => {
    try {
      return { status: 'signed-in', me: await getJson<Me>('/api/me') };
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return { status: 'signed-out' };
      return { status: 'failed', message: describeError(error) };
    }
  }, []);

  useEffect(() => {
    let cancelled = false;
    void load().then((next) => {
      if (!cancelled) setSession(next);
    });
    const stop = onUnauthorized(() => {
      clearApiKey();
      setSession({ status: 'signed-out', message: 'Your key was not accepted. Sign in again.' });
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, [load]);

  const signIn = useCallback(
    async (key: string) => {
      saveApiKey(key);
      const next = await load();
      if (next.status === 'signed-out') {
        clearApiKey();
        setSession({ status: 'signed-out', message: 'That key was not accepted.' });
        return;
      }
      setSession(next);
    },
    [load],
  );
  const signOut = useCallback(() => {
    clearApiKey();
    setSession({ status: 'signed-out' });
  }, []);
  const retry = useCallback(() => {
    setSession({ status: 'checking' });
    void load().then(setSession);
  }, [load]);
  return { session, signIn, signOut, retry };
}
