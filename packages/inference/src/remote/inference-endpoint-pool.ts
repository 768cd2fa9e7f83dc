import { noopLogger, type Logger } from '@andes-rag/core';
import type OpenAI from 'openai';
import pRetry from 'p-retry';
import { openaiLibrary } from './openai-library.js';
import { isConnectionFailure, toAndesErrorFromRemote } from './remote-error.js';

/** Options of {@link InferenceEndpointPool}. */
export interface InferenceEndpointPoolOptions {
  /** Base URLs of OpenAI-compatible servers, e.g. `http://gpu-1:8000` (with or without `/v1`). At least one. */
  urls: readonly string[];
  /** Sent as `Authorization: Bearer <apiKey>` (an Andes inference server's admin key). Default: none. */
  apiKey?: string;
  /**
   * Longest wait for a server to start answering a request (connecting and queueing, until the response headers),
   * in ms; then the attempt counts as a connection failure. A stream, once started, is not cut by it. Default 60,000.
   */
  timeoutMs?: number;
  /** Further attempts after a connection failure, each on the least busy other server. Default: one per URL, at least 2. */
  retries?: number;
  /** How long a server that failed to connect is skipped while others are healthy, in ms. Default 10,000. */
  failureCooldownMs?: number;
  /** Receives a warning per failed server. Default: {@link noopLogger}. */
  logger?: Logger;
}

/** One server of an {@link InferenceEndpointPool}. */
export interface InferenceEndpoint {
  /** Its base URL as configured. */
  readonly url: string;
  /** An OpenAI client for it, without retries of its own (the pool retries, on another server). */
  readonly client: OpenAI;
  /** Requests running on it now. */
  inFlight: number;
  /** Until when (epoch ms) it is skipped after a connection failure; 0 when healthy. */
  failedUntil: number;
}

/**
 * A set of OpenAI-compatible inference servers used as one: each request goes to the healthy server with the
 * fewest requests in flight (ties taken in turn), and an attempt that cannot connect is retried on another
 * server (`p-retry`, short exponential backoff) while the failed one is skipped for a cooldown. Only connection
 * failures are retried: an HTTP error from a server, a cancellation, or a stream cut after text went out is not
 * (the text cannot be taken back).
 */
export class InferenceEndpointPool {
  /** The servers, in configured order. */
  readonly endpoints: readonly InferenceEndpoint[];
  readonly #retries: number;
  readonly #cooldownMs: number;
  readonly #logger: Logger;
  #turn = 0;

  constructor(options: InferenceEndpointPoolOptions) {
    if (options.urls.length === 0) throw new TypeError('An inference pool needs at least one URL');
    const { OpenAI: OpenAIClient } = openaiLibrary();
    this.endpoints = options.urls.map((url) => ({
      url,
      client: new OpenAIClient({
        baseURL: apiBaseUrl(url),
        apiKey: options.apiKey ?? 'none',
        maxRetries: 0,
        timeout: options.timeoutMs ?? 60_000,
      }),
      inFlight: 0,
      failedUntil: 0,
    }));
    this.#retries = options.retries ?? Math.max(2, options.urls.length);
    this.#cooldownMs = options.failureCooldownMs ?? 10_000;
    this.#logger = options.logger ?? noopLogger;
  }

  /**
   * Runs `operation` on a chosen server, retrying connection failures on others. Rejects with an AndesError
   * (see `toAndesErrorFromRemote`): `aborted` when `signal` fires, `model_error` naming the server otherwise.
   */
  async run<Result>(
    operation: (endpoint: InferenceEndpoint) => Promise<Result>,
    signal?: AbortSignal,
  ): Promise<Result> {
    let last: InferenceEndpoint | undefined;
    try {
      return await pRetry(
        async () => {
          const endpoint = this.pick(last);
          last = endpoint;
          endpoint.inFlight += 1;
          try {
            return await operation(endpoint);
          } catch (error) {
            if (signal?.aborted !== true && isConnectionFailure(error)) this.markFailed(endpoint, error);
            throw error;
          } finally {
            endpoint.inFlight -= 1;
          }
        },
        {
          retries: this.#retries,
          minTimeout: 50,
          maxTimeout: 1_000,
          randomize: true,
          ...(signal === undefined ? {} : { signal }),
          shouldRetry: ({ error }) => signal?.aborted !== true && isConnectionFailure(error),
        },
      );
    } catch (error) {
      throw toAndesErrorFromRemote(error, last?.url ?? this.endpoints[0]!.url, signal);
    }
  }

  /** Skips `endpoint` for the cooldown (a connection to it failed, or its stream broke). */
  markFailed(endpoint: InferenceEndpoint, error: unknown): void {
    endpoint.failedUntil = Date.now() + this.#cooldownMs;
    const reason = error instanceof Error ? error.message : String(error);
    this.#logger.warn(`inference server ${endpoint.url} failed (${reason}); skipped for ${this.#cooldownMs} ms`);
  }

  /**
   * The healthy server with the fewest requests in flight, ties in turn; `avoid` (the one that just failed) only
   * when nothing else is there. When every server failed recently, the one whose cooldown ends first.
   */
  pick(avoid?: InferenceEndpoint): InferenceEndpoint {
    const now = Date.now();
    const others = this.endpoints.filter((endpoint) => endpoint !== avoid);
    const candidates = others.length > 0 ? others : this.endpoints;
    const healthy = candidates.filter((endpoint) => endpoint.failedUntil <= now);
    if (healthy.length === 0) {
      return candidates.reduce((best, endpoint) => (endpoint.failedUntil < best.failedUntil ? endpoint : best));
    }
    const fewest = Math.min(...healthy.map((endpoint) => endpoint.inFlight));
    const least = healthy.filter((endpoint) => endpoint.inFlight === fewest);
    this.#turn = (this.#turn + 1) % Number.MAX_SAFE_INTEGER;
    return least[this.#turn % least.length]!;
  }
}

/** `http://host:8000` and `http://host:8000/v1/` both become `http://host:8000/v1`. */
export function apiBaseUrl(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  return trimmed.endsWith('/v1') ? trimmed : `${trimmed}/v1`;
}
