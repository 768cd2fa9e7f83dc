import type { AndesConfig, AndesService } from '@andes-rag/runtime';
import { openAndes } from '@andes-rag/runtime';
import { createStderrLogger } from '../output/stderr-logger.js';

/** Options of {@link withService}. */
export interface WithServiceOptions {
  /** The command only reads: nothing in the data directory is created, rewritten or removed. Default false. */
  readOnly?: boolean;
}

/**
 * Opens Andes for one command, runs `work`, and always closes it (models, store). `work` settles only once its
 * native work settled (see `runRetrievers`), so the models are never disposed under a running embedding.
 */
export async function withService<T>(
  config: AndesConfig,
  work: (service: AndesService) => Promise<T>,
  options: WithServiceOptions = {},
): Promise<T> {
  const logger = createStderrLogger(config.logLevel === 'debug' ? 'debug' : 'warn');
  // Loading a GGUF takes seconds to minutes: say so on a terminal, so a silent wait is not taken for a hang.
  const models = [config.modelPath, config.embeddingModelPath, config.rerankModelPath].filter(Boolean);
  if (models.length > 0 && process.stderr.isTTY)
    process.stderr.write(`Loading model${models.length > 1 ? 's' : ''}…\n`);
  const service = await openAndes(config, { logger, readOnly: options.readOnly ?? false });
  try {
    return await work(service);
  } finally {
    await service.close();
  }
}
