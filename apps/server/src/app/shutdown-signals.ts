import type { Logger as PinoLogger } from 'pino';

/**
 * On the first SIGTERM or SIGINT, runs `close` and exits (0, or 1 if closing failed). The handlers are removed right
 * after one fires, so a second Ctrl-C during the drain ends the process the usual way. Returns a function that
 * removes them.
 */
export function handleShutdownSignals(close: () => Promise<void>, logger: PinoLogger): () => void {
  const signals = ['SIGTERM', 'SIGINT'] as const;
  const removeNow = () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
  // Once a signal arrived, removal waits for the next turn, never happening during the signal's own emission:
  // `signal-exit` (loaded with node-llama-cpp's dependencies) listens too, and when it finds itself the only listener
  // it re-raises the signal, which killed the process mid-drain (exit 143) whenever its listener ran after ours.
  let signalled = false;
  const remove = () => {
    if (signalled) setImmediate(removeNow);
    else removeNow();
  };
  function onSignal(signal: NodeJS.Signals): void {
    signalled = true;
    remove();
    logger.info({ signal }, 'shutting down');
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  }
  for (const signal of signals) process.on(signal, onSignal);
  return remove;
}
