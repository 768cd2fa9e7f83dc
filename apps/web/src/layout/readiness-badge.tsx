import type { ReadinessState } from './use-readiness.js';

const labels: Record<ReadinessState, string> = {
  checking: 'Checking…',
  ready: 'Ready',
  loading: 'Loading models…',
  unreachable: 'Server unreachable',
  problem: 'Server problem',
};

/** The server's state, announced politely when it changes. */
export function ReadinessBadge({ state, detail }: { state: ReadinessState; detail: string }) {
  return (
    <p className={`badge badge-${state}`} role="status" aria-live="polite" title={detail}>
      {labels[state]}
    </p>
  );
}
