import { AndesError, noopLogger, type Logger } from '@andes-rag/core';
import pRetry from 'p-retry';
import { InferenceEndpointPool } from './inference-endpoint-pool.js';
import { isConnectionFailure } from './remote-error.js';
import { RemoteChatModel } from './remote-chat-model.js';
import { RemoteEmbeddingModel } from './remote-embedding-model.js';

/** Options of {@link connectRemoteModels}. */
export interface ConnectRemoteModelsOptions {
  /** Base URLs of the OpenAI-compatible servers (`ANDES_INFERENCE_URL`), all serving the same models. */
  urls: readonly string[];
  /** Bearer key for them. Default: none. */
  apiKey?: string;
  /** The chat model's name on the servers. Default: the one Andes marks `chat`, else the first listed. */
  chatModel?: string;
  /** The embedding model's name. Default: the one Andes marks `embedding`; none (BM25 only) when none is. */
  embeddingModel?: string;
  /**
   * Context window per request, in tokens. Default: what the server lists (`max_model_len`, as vLLM and Andes
   * report it, or llama.cpp's `meta.n_ctx_train`), else 4096.
   */
  contextSize?: number;
  /** `max_tokens` when a generation sets none. Default 512. */
  defaultMaxTokens?: number;
  /** See `InferenceEndpointPoolOptions.timeoutMs`. Default 60,000. */
  timeoutMs?: number;
  /** Attempts to list the models while the servers start (1 s apart at most). Default 30. */
  connectAttempts?: number;
  /** Default: {@link noopLogger}. */
  logger?: Logger;
}

/** What {@link connectRemoteModels} found. */
export interface RemoteModels {
  pool: InferenceEndpointPool;
  chatModel: RemoteChatModel | undefined;
  embeddingModel: RemoteEmbeddingModel | undefined;
}

interface ListedModel {
  id: string;
  andes_kind?: string;
  max_model_len?: number;
  meta?: { n_ctx_train?: number };
}

/**
 * Lists the servers' models (`GET /v1/models`, retried while they start: a deployment may start the API before its
 * inference servers), picks the chat and embedding models, and measures the embedding length with one request.
 *
 * @throws AndesError `model_error` when no server answers or a named model is not served.
 */
export async function connectRemoteModels(options: ConnectRemoteModelsOptions): Promise<RemoteModels> {
  const logger = options.logger ?? noopLogger;
  const pool = new InferenceEndpointPool({
    urls: options.urls,
    ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    logger,
  });
  const listed = await pRetry(
    () =>
      pool.run(async (endpoint) => {
        const page = await endpoint.client.models.list();
        return page.data as unknown as ListedModel[];
      }),
    {
      retries: (options.connectAttempts ?? 30) - 1,
      minTimeout: 200,
      maxTimeout: 1_000,
      // Servers still starting: refused connections, or an Andes server answering 503 while it loads.
      shouldRetry: ({ error }) =>
        AndesError.isInstance(error) && (error.code === 'not_ready' || isConnectionFailure(error.cause)),
    },
  );
  const chosen = (name: string | undefined, kind: string) =>
    name === undefined ? listed.find((model) => model.andes_kind === kind) : listed.find((model) => model.id === name);
  const chatEntry =
    chosen(options.chatModel, 'chat') ?? (options.chatModel === undefined ? firstUnmarked(listed) : undefined);
  const embeddingEntry = chosen(options.embeddingModel, 'embedding');
  for (const [name, entry] of [
    [options.chatModel, chatEntry],
    [options.embeddingModel, embeddingEntry],
  ] as const) {
    if (name !== undefined && entry === undefined) {
      throw new AndesError('model_error', `The inference servers do not serve "${name}" (they list: ${ids(listed)}).`);
    }
  }
  const contextSize = options.contextSize ?? chatEntry?.max_model_len ?? chatEntry?.meta?.n_ctx_train ?? 4096;
  const chatModel =
    chatEntry === undefined
      ? undefined
      : new RemoteChatModel({
          pool,
          model: chatEntry.id,
          contextSize,
          ...(options.defaultMaxTokens === undefined ? {} : { defaultMaxTokens: options.defaultMaxTokens }),
        });
  let embeddingModel: RemoteEmbeddingModel | undefined;
  if (embeddingEntry !== undefined) {
    const probe = await pool.run((endpoint) =>
      endpoint.client.embeddings.create({ model: embeddingEntry.id, input: ['dimensions'], encoding_format: 'float' }),
    );
    const dimensions = probe.data[0]?.embedding.length ?? 0;
    embeddingModel = new RemoteEmbeddingModel({ pool, model: embeddingEntry.id, dimensions });
  }
  logger.info(
    `remote inference on ${options.urls.join(', ')}: chat ${chatModel?.id ?? 'none'} (context ${contextSize}), ` +
      `embedding ${embeddingModel ? `${embeddingModel.id} (${embeddingModel.dimensions} dimensions)` : 'none'}`,
  );
  return { pool, chatModel, embeddingModel };
}

/** A server that does not mark kinds (vLLM, llama.cpp) serves one model: take the first. */
function firstUnmarked(listed: readonly ListedModel[]): ListedModel | undefined {
  return listed.every((model) => model.andes_kind === undefined) ? listed[0] : undefined;
}

function ids(listed: readonly ListedModel[]): string {
  return listed.map((model) => model.id).join(', ') || 'nothing';
}
