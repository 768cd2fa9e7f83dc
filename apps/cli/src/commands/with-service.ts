import type { AndesConfig, AndesService } from '@andes/runtime';
import { openAndes } from '@andes/runtime';
import { createStderrLogger } from '../output/stderr-logger.js';

/** Opens Andes for one command, runs `work`, and always closes it (models, store). */
export async function withService<T>(config: AndesConfig, work: (service: AndesService) => Promise<T>): Promise<T> {
  const logger = createStderrLogger(config.logLevel === 'debug' ? 'debug' : 'warn');
  const service = await openAndes(config, { logger });
  try {
    return await work(service);
  } finally {
    await service.close();
  }
}
