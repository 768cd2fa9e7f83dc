import { AndesError, noopLogger, type Logger } from '@andes-rag/core';
import type { AndesService, Readiness } from '../andes-service.js';
import { chat } from '../chat/chat.js';
import type { ChatRequest, ChatResult } from '../chat/chat-request.js';
import type { AndesConfig } from '../config/andes-config.js';
import { embedTexts } from '../embedding/embed-texts.js';
import type { EmbedRequest, EmbedResult } from '../embedding/embed-request.js';
import { adapterModelId } from '../served-models/adapter-model.js';
import type { ServedModel } from '../served-models/served-model.js';
import { unknownModelError } from '../served-models/unknown-model-error.js';
import { openModels, type OpenedModels } from '../service/open-models.js';

function noStore(): never {
  throw new AndesError('not_found', 'This server runs with --inference-only: it serves models, not collections.');
}

/**
 * An {@link AndesService} that serves only its models, with no store: chat with the chat model (and its configured
 * LoRA adapters) and embeddings, as `andes serve --inference-only` exposes them on `/v1`. Collections, documents,
 * assistants, conversations and keys do not exist here (`not_found`); `andes:<collection>` is an unknown model.
 */
export class InferenceOnlyService implements AndesService {
  readonly #config: AndesConfig;
  readonly #models: OpenedModels;
  #closed = false;

  constructor(config: AndesConfig, models: OpenedModels) {
    this.#config = config;
    this.#models = models;
  }

  readiness(): Readiness {
    const { chatModel, embeddingModel } = this.#models;
    return {
      ready: !this.#closed,
      store: false,
      chatModel: chatModel?.id ?? null,
      embeddingModel: embeddingModel?.id ?? null,
    };
  }

  chat(request: ChatRequest): Promise<ChatResult> {
    return chat(
      {
        config: this.#config,
        chatModel: this.#models.chatModel,
        answerer: () => {
          throw unknownModelError(request.model);
        },
      },
      request,
    );
  }

  embed(request: EmbedRequest): Promise<EmbedResult> {
    return embedTexts(
      { embeddingModel: this.#models.embeddingModel, timeoutMs: this.#config.requestTimeoutMs },
      request,
    );
  }

  /** The chat model (with its context size), one entry per configured LoRA adapter, the embedding model. */
  async models(): Promise<ServedModel[]> {
    const { chatModel, embeddingModel } = this.#models;
    const served: ServedModel[] = [];
    if (chatModel) {
      served.push({ id: chatModel.id, kind: 'chat', contextSize: chatModel.contextSize });
      for (const name of Object.keys(this.#config.loraAdapters)) {
        served.push({ id: adapterModelId(chatModel.id, name), kind: 'chat', contextSize: chatModel.contextSize });
      }
    }
    if (embeddingModel) served.push({ id: embeddingModel.id, kind: 'embedding' });
    return served;
  }

  /** No key store: only the bootstrap admin key (`ANDES_ADMIN_KEY`) authenticates. */
  async apiKeys(): Promise<undefined> {
    return undefined;
  }

  listCollections = async () => noStore();
  ingest = async () => noStore();
  listDocuments = async () => noStore();
  deleteDocument = async () => noStore();
  renameCollection = async () => noStore();
  deleteCollection = async () => noStore();
  getDocumentText = async () => noStore();
  search = async () => noStore();
  explainSearch = async () => noStore();
  ask = async () => noStore();
  createAssistant = async () => noStore();
  updateAssistant = async () => noStore();
  listAssistants = async () => noStore();
  getAssistant = async () => noStore();
  listAssistantVersions = async () => noStore();
  releaseAssistant = async () => noStore();
  deleteAssistant = async () => noStore();
  createConversation = async () => noStore();
  listConversations = async () => noStore();
  getConversation = async () => noStore();
  deleteConversation = async () => noStore();
  sendMessage = async () => noStore();
  rateMessage = async () => noStore();

  /** Frees the models. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#models.dispose();
  }
}

/** Options of {@link openInferenceOnly}. */
export interface OpenInferenceOnlyOptions {
  /** Receives model logs. Default: {@link noopLogger}. */
  logger?: Logger;
  /** Cancels the loading, freeing what was loaded (see `openModels`): it rejects with `aborted`. Default: none. */
  signal?: AbortSignal;
}

/**
 * Loads the configured chat and embedding models (no store, no data directory) into an {@link InferenceOnlyService}.
 *
 * @throws AndesError `invalid_request` when neither a chat nor an embedding model is configured; the model loading
 *   errors of `openModels`, `aborted` when `options.signal` cancelled the loading.
 */
export async function openInferenceOnly(
  config: AndesConfig,
  options: OpenInferenceOnlyOptions = {},
): Promise<InferenceOnlyService> {
  if (!config.modelPath && !config.embeddingModelPath && config.inferenceUrls.length === 0) {
    throw new AndesError('invalid_request', 'An inference-only server needs --model or --embedding-model (or both).');
  }
  return new InferenceOnlyService(config, await openModels(config, options.logger ?? noopLogger, options.signal));
}
