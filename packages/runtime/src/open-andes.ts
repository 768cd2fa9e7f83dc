import { noopLogger, type Logger } from '@andes/core';
import { createDefaultParserRegistry } from '@andes/retrieval';
import { SqliteKnowledgeStore } from '@andes/vectorstore';
import type { AndesService } from './andes-service.js';
import type { AndesConfig } from './config/andes-config.js';
import { AndesRuntime } from './service/andes-runtime.js';
import { openModels } from './service/open-models.js';

/** Options for {@link openAndes}. */
export interface OpenAndesOptions {
  /** Receives store, model and ingestion logs. Default: {@link noopLogger}. */
  logger?: Logger;
}

/**
 * Opens everything a configuration names: checks and loads the models (chat and embedding, if given), opens the
 * store under `config.dataDir` (rebuilding any stale index), and composes retrieval and answering. Close it with
 * `close()`.
 *
 * @throws AndesError `model_not_found` / `invalid_model_file` for a bad model path, `storage_error` for an
 *   unusable data directory.
 */
export async function openAndes(config: AndesConfig, options: OpenAndesOptions = {}): Promise<AndesRuntime & AndesService> {
  const logger = options.logger ?? noopLogger;
  const models = await openModels(config, logger);
  try {
    const store = await SqliteKnowledgeStore.open({ dataDir: config.dataDir, logger });
    return new AndesRuntime({ config, store, models, parsers: createDefaultParserRegistry(), logger });
  } catch (error) {
    await models.dispose();
    throw error;
  }
}
