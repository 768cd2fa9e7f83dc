import { AndesError, noopLogger, type Logger } from '@andes-rag/core';
import { getLlama, LlamaLogLevel, type Llama } from 'node-llama-cpp';

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

const levelsByChoice = {
  debug: LlamaLogLevel.debug,
  info: LlamaLogLevel.info,
  warn: LlamaLogLevel.warn,
  error: LlamaLogLevel.error,
} as const;

/**
 * Loads llama.cpp through node-llama-cpp with an installed binary only: never builds from source or downloads
 * at run time, never prints; its logs go to `logger`. Rejects with AndesError `model_error` when no binary
 * for the chosen backend works on this machine. Dispose the returned `Llama` when done.
 */
export async function loadLlamaBackend(options: LlamaBackendOptions = {}): Promise<Llama> {
  const gpu = options.gpu ?? 'auto';
  const logger = options.logger ?? noopLogger;
  try {
    const llama = await getLlama({
      gpu: gpu === 'cpu' ? false : gpu,
      build: 'never',
      skipDownload: true,
      progressLogs: false,
      logLevel: levelsByChoice[options.logLevel ?? 'warn'],
      logger: (level, message) => logLlamaLine(logger, level, message),
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

function logLlamaLine(logger: Logger, level: LlamaLogLevel, message: string): void {
  const text = message.trimEnd();
  if (text === '') return;
  const fields = { source: 'llama.cpp' };
  if (level === LlamaLogLevel.fatal || level === LlamaLogLevel.error) logger.error(text, fields);
  else if (level === LlamaLogLevel.warn) logger.warn(text, fields);
  else if (level === LlamaLogLevel.debug) logger.debug(text, fields);
  else logger.info(text, fields);
}
