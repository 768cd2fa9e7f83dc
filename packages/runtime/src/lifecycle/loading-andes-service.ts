import { AndesError } from '@andes-rag/core';
import type { AndesService, Readiness } from '../andes-service.js';

const notLoaded: Readiness = { ready: false, store: false, chatModel: null, embeddingModel: null };

/**
 * An {@link AndesService} that answers at once while the real one loads: until `open` resolves, readiness is
 * `ready: false` and every other method rejects with AndesError `not_ready` (HTTP 503 with `Retry-After`); then it
 * forwards everything. Lets a server listen, and report that it is loading, before its models are in memory.
 */
export class LoadingAndesService implements AndesService {
  #service: AndesService | undefined;
  #failure: unknown;
  #closed = false;
  readonly #cancel = new AbortController();
  readonly #loading: Promise<AndesService | undefined>;

  /**
   * Starts `open` at once. `signal` fires when {@link close} is called during the loading: `open` should then stop,
   * free what it loaded and reject (`openAndes` does with its `signal` option).
   */
  constructor(open: (signal: AbortSignal) => Promise<AndesService>) {
    this.#loading = open(this.#cancel.signal).then(
      (service) => (this.#service = service),
      (error: unknown) => {
        this.#failure = error;
        return undefined;
      },
    );
  }

  /** Resolves once the service is loaded; rejects with the error that stopped it loading. */
  async whenLoaded(): Promise<void> {
    await this.#loading;
    if (this.#failure !== undefined) throw this.#failure;
  }

  readiness(): Readiness {
    if (this.#service === undefined && AndesError.isInstance(this.#failure)) {
      const { code, message } = this.#failure;
      if (code === 'store_corrupt' || code === 'store_foreign')
        return { ...notLoaded, storeProblem: { code, message } };
    }
    return this.#service === undefined || this.#closed ? notLoaded : this.#service.readiness();
  }

  listCollections: AndesService['listCollections'] = async () => this.#current().listCollections();
  ingest: AndesService['ingest'] = async (...parameters) => this.#current().ingest(...parameters);
  listDocuments: AndesService['listDocuments'] = async (...parameters) => this.#current().listDocuments(...parameters);
  deleteDocument: AndesService['deleteDocument'] = async (...parameters) =>
    this.#current().deleteDocument(...parameters);
  search: AndesService['search'] = async (...parameters) => this.#current().search(...parameters);
  explainSearch: AndesService['explainSearch'] = async (...parameters) => this.#current().explainSearch(...parameters);
  renameCollection: AndesService['renameCollection'] = async (...parameters) =>
    this.#current().renameCollection(...parameters);
  deleteCollection: AndesService['deleteCollection'] = async (...parameters) =>
    this.#current().deleteCollection(...parameters);
  getDocumentText: AndesService['getDocumentText'] = async (...parameters) =>
    this.#current().getDocumentText(...parameters);
  ask: AndesService['ask'] = async (...parameters) => this.#current().ask(...parameters);
  chat: AndesService['chat'] = async (...parameters) => this.#current().chat(...parameters);
  embed: AndesService['embed'] = async (...parameters) => this.#current().embed(...parameters);
  models: AndesService['models'] = async () => this.#current().models();
  /** Throws the loading error until the service is open. */
  apiKeys = async () => this.#current().apiKeys?.();
  createAssistant: AndesService['createAssistant'] = async (...parameters) =>
    this.#current().createAssistant(...parameters);
  updateAssistant: AndesService['updateAssistant'] = async (...parameters) =>
    this.#current().updateAssistant(...parameters);
  listAssistants: AndesService['listAssistants'] = async (...parameters) =>
    this.#current().listAssistants(...parameters);
  getAssistant: AndesService['getAssistant'] = async (...parameters) => this.#current().getAssistant(...parameters);
  listAssistantVersions: AndesService['listAssistantVersions'] = async (...parameters) =>
    this.#current().listAssistantVersions(...parameters);
  releaseAssistant: AndesService['releaseAssistant'] = async (...parameters) =>
    this.#current().releaseAssistant(...parameters);
  deleteAssistant: AndesService['deleteAssistant'] = async (...parameters) =>
    this.#current().deleteAssistant(...parameters);
  createConversation: AndesService['createConversation'] = async (...parameters) =>
    this.#current().createConversation(...parameters);
  listConversations: AndesService['listConversations'] = async (...parameters) =>
    this.#current().listConversations(...parameters);
  getConversation: AndesService['getConversation'] = async (...parameters) =>
    this.#current().getConversation(...parameters);
  deleteConversation: AndesService['deleteConversation'] = async (...parameters) =>
    this.#current().deleteConversation(...parameters);
  sendMessage: AndesService['sendMessage'] = async (...parameters) => this.#current().sendMessage(...parameters);
  rateMessage: AndesService['rateMessage'] = async (...parameters) => this.#current().rateMessage(...parameters);

  /**
   * Cancels a loading still under way (through the signal given to `open`) and waits for it to stop, then closes
   * whatever it opened. Idempotent.
   */
  async close(): Promise<void> {
    this.#closed = true;
    this.#cancel.abort();
    const service = await this.#loading;
    await service?.close();
  }

  #current(): AndesService {
    if (this.#closed) throw new AndesError('not_ready', 'Andes is shutting down.');
    if (this.#failure !== undefined) throw new AndesError('not_ready', 'Andes failed to load its models or store.');
    if (this.#service === undefined) throw new AndesError('not_ready', 'Andes is still loading its models and store.');
    return this.#service;
  }
}
