import { noopLogger, type Logger } from '@andes-rag/core';
import { createDefaultParserRegistry } from '@andes-rag/retrieval';
import { Andes } from './andes.js';
import { loadConfig, type AndesConfig, type AndesConfigInput } from './config/andes-config.js';
import { configuredRetriever } from './service/configured-retriever.js';
import { openModels } from './service/open-models.js';
import { openConfiguredStore } from './store/open-configured-store.js';

/** Options for {@link openAndes}. */
export interface OpenAndesOptions {
  /** Receives store, model and ingestion logs. Default: {@link noopLogger}. */
  logger?: Logger;
  /**
   * Open the store read-only: nothing in the data directory is created, rewritten or removed (stale vector indexes
   * are rebuilt in memory). For commands that only read: `andes search`, `ask`, `documents`, `eval`. Default false.
   */
  readOnly?: boolean;
  /**
   * How much of the store to check on open: `structure` (default, milliseconds) or `full` (SQLite's `quick_check`
   * of every page: seconds per 100k chunks; `andes serve` uses it). See `SqliteKnowledgeStoreOptions.check`.
   */
  storeCheck?: 'structure' | 'full';
  /**
   * Cancels the opening: the model being loaded stops, whatever was already opened (store, models) is closed, and
   * `openAndes` rejects with AndesError `aborted`. Opening the store and loading the llama.cpp backend cannot be
   * interrupted; the cancel takes effect when they end. Default: none.
   */
  signal?: AbortSignal;
}

/**
 * Opens everything a configuration names: checks and loads the models (chat and embedding, if given), opens the
 * store under `config.dataDir` (rebuilding any stale index), and composes retrieval and answering. Free it with
 * `dispose()` (or `await using`).
 *
 * The store is the embedded one under `config.dataDir`, or PostgreSQL when `config.store` is a `postgres://` URL.
 *
 * `config` is either settings to validate (every field of `andesConfigSchema`, each optional, with its documented
 * default: `{ dataDir: './my-data', modelPath: 'llama.gguf' }`; no environment variable is read) or the result of
 * `loadConfig()`, which also reads the `ANDES_*` environment variables. Default: every setting at its default.
 *
 * @throws AndesError `invalid_request` naming each bad setting, `model_not_found` / `invalid_model_file` for a bad
 *   model path, `storage_error` for an unusable data directory, `store_corrupt` / `store_foreign` for a damaged or
 *   foreign store (see `andes doctor`), `aborted` when `options.signal` cancelled the opening.
 */
export async function openAndes(
  config: AndesConfigInput | AndesConfig = {},
  options: OpenAndesOptions = {},
): Promise<Andes> {
  const settings = loadConfig(config, {});
  const logger = options.logger ?? noopLogger;
  // The store first: a damaged or foreign store is refused before seconds of model loading.
  const store = await openConfiguredStore({
    store: settings.store,
    dataDir: settings.dataDir,
    logger,
    readOnly: options.readOnly ?? false,
    check: options.storeCheck ?? 'structure',
  });
  let models: Awaited<ReturnType<typeof openModels>>;
  try {
    models = await openModels(settings, logger, options.signal);
  } catch (error) {
    await store.close();
    throw error;
  }
  try {
    return new Andes(
      {
        config: settings,
        store,
        models,
        parsers: createDefaultParserRegistry(),
        logger,
        assistants: store.assistantStore(),
        conversations: store.conversationStore(),
        apiKeys: store.apiKeyStore(),
      },
      configuredRetriever(settings, models, store, logger),
    );
  } catch (error) {
    await models.dispose();
    await store.close();
    throw error;
  }
}
