import type { AndesService } from '@andes-rag/runtime';
import type { ServerMetrics } from './server-metrics.js';

type Kind = 'ask' | 'chat' | 'conversation';

/**
 * Wraps a service so answers, chats, searches and ingestions feed the metrics: generations in flight, time to the
 * first token, retrieval time (until the sources were chosen), tokens per second and ingestion outcomes. Every other
 * method passes through untouched.
 */
export function instrumentService(inner: AndesService, metrics: ServerMetrics): AndesService {
  /** Runs one generation, observing its first text chunk and its sources through the request's callbacks. */
  const generation = async <Request extends { onTextChunk?: (text: string) => void; onCitations?: unknown }, Result>(
    kind: Kind,
    request: Request,
    run: (request: Request) => Promise<Result>,
  ): Promise<Result> => {
    const startedAt = performance.now();
    let firstTokenAt: number | undefined;
    const observed = {
      ...request,
      onTextChunk: (text: string) => {
        if (firstTokenAt === undefined) {
          firstTokenAt = performance.now();
          metrics.timeToFirstToken.observe({ kind }, (firstTokenAt - startedAt) / 1000);
        }
        request.onTextChunk?.(text);
      },
    };
    if (kind !== 'chat') {
      const onCitations = request.onCitations as ((citations: unknown) => void) | undefined;
      Object.assign(observed, {
        onCitations: (citations: unknown) => {
          metrics.retrievalDuration.observe({ kind }, (performance.now() - startedAt) / 1000);
          onCitations?.(citations);
        },
      });
    }
    metrics.generationsInFlight.inc({ kind });
    try {
      const result = await run(observed);
      if (kind === 'chat') observeTokens(result as { completionTokens?: number }, firstTokenAt);
      return result;
    } finally {
      metrics.generationsInFlight.dec({ kind });
    }
  };
  const observeTokens = (result: { completionTokens?: number }, firstTokenAt: number | undefined) => {
    const tokens = result.completionTokens ?? 0;
    metrics.generatedTokens.inc(tokens);
    const seconds = firstTokenAt === undefined ? 0 : (performance.now() - firstTokenAt) / 1000;
    if (tokens > 1 && seconds > 0) metrics.tokensPerSecond.observe(tokens / seconds);
  };
  const overrides: Partial<AndesService> = {
    ask: (request) => generation('ask', request, (observed) => inner.ask(observed)),
    chat: (request) => generation('chat', request, (observed) => inner.chat(observed)),
    sendMessage: (request) => generation('conversation', request, (observed) => inner.sendMessage(observed)),
    search: async (request) => {
      const stopTimer = metrics.retrievalDuration.startTimer({ kind: 'search' });
      try {
        return await inner.search(request);
      } finally {
        stopTimer();
      }
    },
    ingest: async (...parameters) => {
      const report = await inner.ingest(...parameters);
      for (const file of report.files) metrics.ingestedFiles.inc({ status: file.status });
      return report;
    },
  };
  return new Proxy(inner, {
    get(target, property, receiver) {
      const override = overrides[property as keyof AndesService];
      if (override !== undefined) return override;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
