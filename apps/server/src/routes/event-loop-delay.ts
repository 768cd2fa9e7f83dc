import { monitorEventLoopDelay } from 'node:perf_hooks';

/** How late this process's event loop ran timers recently, in milliseconds (`GET /healthz` `eventLoopDelayMs`). */
export interface EventLoopDelay {
  p50: number;
  p99: number;
  max: number;
}

/**
 * Samples the event loop's delay (perf_hooks `monitorEventLoopDelay`, every 20 ms) and reports it over a window
 * that restarts every `windowMs` (default 60,000): a server whose loop is blocked (a huge file parsed on the main
 * thread) shows it here. The sampling timer does not keep the process alive.
 */
export function eventLoopDelayMonitor(windowMs = 60_000): { read(): EventLoopDelay } {
  const histogram = monitorEventLoopDelay({ resolution: 20 });
  histogram.enable();
  setInterval(() => histogram.reset(), windowMs).unref();
  const milliseconds = (nanoseconds: number) => Math.round(nanoseconds / 1e4) / 100;
  return {
    read: () =>
      histogram.count === 0
        ? { p50: 0, p99: 0, max: 0 }
        : {
            p50: milliseconds(histogram.percentile(50)),
            p99: milliseconds(histogram.percentile(99)),
            max: milliseconds(histogram.max),
          },
  };
}
