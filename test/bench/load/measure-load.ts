import autocannon from 'autocannon';

/** One kind of request to load a server with. */
export interface LoadTarget {
  /** For the report, e.g. `search`. */
  name: string;
  /** The `index`-th request of the run (method, path, headers, body), so requests vary in turn. */
  request: (index: number) => { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string };
}

/** What {@link measureLoad} runs. */
export interface MeasureLoadOptions {
  /** One base URL per replica; the connections and the request budget are split evenly between them. */
  urls: readonly string[];
  target: LoadTarget;
  /** Concurrent connections in all. */
  connections: number;
  /** Stop after this many seconds... */
  seconds: number;
  /** ...or this many requests in all, whichever comes first. */
  maxRequests: number;
}

/** Throughput and latency of one run, over every response of every replica. */
export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses other than 2xx, and errors (timeouts, resets). */
  failures: number;
}

/** The `fraction` quantile of sorted `values` (nearest rank). */
function quantile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/**
 * Loads the replicas with autocannon (one instance per replica, all at once), bounded by `seconds` and by
 * `maxRequests`, and measures each response's latency from autocannon's `response` events, so percentiles cover
 * all replicas together.
 */
export async function measureLoad(options: MeasureLoadOptions): Promise<LoadResult> {
  const { urls, target } = options;
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    urls.map(
      (url) =>
        new Promise<void>((resolve, reject) => {
          const instance = autocannon(
            {
              url,
              connections: Math.max(1, Math.floor(options.connections / urls.length)),
              amount: Math.max(1, Math.floor(options.maxRequests / urls.length)),
              timeout: 30,
              requests: [{ setupRequest: (request) => ({ ...request, ...target.request(next++) }) }],
            },
            (error) => (error ? reject(error) : resolve()),
          );
          instance.on('response', (_client, statusCode, _bytes, responseTime) => {
            latencies.push(responseTime);
            if (statusCode < 200 || statusCode >= 300) failures += 1;
          });
          instance.on('reqError', () => (failures += 1));
          const timer = setTimeout(() => instance.stop(), options.seconds * 1000);
          instance.on('done', () => clearTimeout(timer));
        }),
    ),
  );
  const elapsedSeconds = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((left, right) => left - right);
  return {
    requests: latencies.length,
    requestsPerSecond: latencies.length / elapsedSeconds,
    p50Ms: quantile(sorted, 0.5),
    p99Ms: quantile(sorted, 0.99),
    failures,
  };
}
