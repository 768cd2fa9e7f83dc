import type { AndesConfig } from '../config/andes-config.js';
import { openAndes, type OpenAndesOptions } from '../open-andes.js';
import { LoadingAndesService } from './loading-andes-service.js';

/**
 * Like `openAndes`, but returns at once: a {@link LoadingAndesService} that answers `not_ready` until the store
 * and models are loaded. Await `whenLoaded()` to learn when that is, or why loading failed; `close()` cancels a
 * loading still under way.
 */
export function openAndesInBackground(
  config: AndesConfig,
  options: Omit<OpenAndesOptions, 'signal'> = {},
): LoadingAndesService {
  return new LoadingAndesService((signal) => openAndes(config, { ...options, signal }));
}
