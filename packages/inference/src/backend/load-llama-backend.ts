import { AndesError, noopLogger, type Logger } from '@andes-rag/core';
import type { Llama, LlamaLogLevel } from 'node-llama-cpp';
import { importNodeLlamaCpp } from './import-node-llama-cpp.js';

/** Which compute backend llama.cpp uses. */
export type GpuChoice = 'auto' | 'cuda' | 'vulkan' | 'cpu';

/** Options of {@link loadLlamaBackend}. */
export interface LlamaBackendOptions {
  /**
   * `auto` (default) uses the best GPU backend whose prebuilt binary is installed and works (CUDA, then
   * Vulkan), else the CPU; `cuda` / `vulkan` require that backend; `cpu` never touches a GPU.
   */
  gpu?: GpuChoice;
  /** Receives llama.cpp's log lines. Default: {@link noopLogger}. */
  logger?: Logger;
  /** Least severe llama.cpp log level passed to `logger`. Default `warn`. */
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

/**
 * Loads llama.cpp through node-llama-cpp with an installed binary only: never builds from source or downloads
 * at run time, never prints; its logs go to `logger`. Rejects with AndesError `model_error` when no binary
 * for the chosen backend works on this machine. Dispose the returned `Llama` when done.
 */
export async function loadLlamaBackend(options: LlamaBackendOptions = {}): Promise<Llama> {
  const gpu = options.gpu ?? 'auto';
  const logger = options.logger ?? noopLogger;
  try {
    const { getLlama, LlamaLogLevel: levels } = await importNodeLlamaCpp();
    const llama = await getLlama({
      gpu: gpu === 'cpu' ? false : gpu,
      build: 'never',
      skipDownload: true,
      progressLogs: false,
      logLevel: levels[options.logLevel ?? 'warn'],
      logger: (level, message) => logLlamaLine(logger, levels, level, message),
    });
    logger.info('llama.cpp backend loaded', { requested: gpu, gpu: llama.gpu, buildType: llama.buildType });
    return llama;
  } catch (error) {
    throw new AndesError('model_error', `No working llama.cpp binary for gpu "${gpu}": ${String(error)}`, {
      cause: error,
      details: { gpu },
    });
  }
}

function logLlamaLine(logger: Logger, levels: typeof LlamaLogLevel, level: LlamaLogLevel, message: string): void {
  const text = message.trimEnd();
  if (text === '') return;
  const fields = { source: 'llama.cpp' };
  if (level === levels.fatal || level === levels.error) logger.error(text, fields);
  else if (level === levels.warn) logger.warn(text, fields);
  else if (level === levels.debug) logger.debug(text, fields);
  else logger.info(text, fields);
}
