import { useEffect, useState } from 'react';

/** What the readiness badge shows. */
export type ReadinessState = 'checking' | 'ready' | 'loading' | 'unreachable' | 'problem';

/** How often `/readyz` is asked, in milliseconds. */
const pollIntervalMs = 5000;

/** Polls `/readyz` (no key needed) and says whether the server is ready, still loading, damaged or unreachable. */
export function useReadiness(): { state: ReadinessState; detail: string } {
  const [status, setStatus] = useState<{ state: ReadinessState; detail: string }>({ state: 'checking', detail: '' });
  useEffect(() => {
    let stopped = false;
    const check = async () => {
      try {
        const response = await fetch('/readyz', { cache: 'no-store' });
        const body = (await response.json().catch(() => ({}))) as {
          chatModel?: string | null;
          error?: { code?: string; message?: string };
        };
        if (stopped) return;
        if (response.ok) {
          setStatus({ state: 'ready', detail: body.chatModel ? `model ${body.chatModel}` : 'extractive answers' });
        } else if (body.error?.code === 'not_ready') {
          setStatus({ state: 'loading', detail: body.error.message ?? '' });
        } else {
          setStatus({ state: 'problem', detail: body.error?.message ?? `status ${response.status}` });
        }
      } catch {
        if (!stopped) setStatus({ state: 'unreachable', detail: 'The server cannot be reached.' });
      }
    };
    void check();
    const timer = window.setInterval(() => void check(), pollIntervalMs);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, []);
  return status;
}
