import type { Logger, LogFields } from '@andes-rag/core';
import type { Logger as PinoLogger } from 'pino';

/**
 * Adapts a pino logger to core's {@link Logger}, so the app can hand its logger to the runtime and libraries
 * (`openAndes(config, { logger: coreLoggerFromPino(logger) })`). Core takes `(message, fields)`, pino `(fields, message)`.
 */
export function coreLoggerFromPino(logger: PinoLogger): Logger {
  return {
    debug: (message: string, fields?: LogFields) => logger.debug(fields ?? {}, message),
    info: (message: string, fields?: LogFields) => logger.info(fields ?? {}, message),
    warn: (message: string, fields?: LogFields) => logger.warn(fields ?? {}, message),
    error: (message: string, fields?: LogFields) => logger.error(fields ?? {}, message),
  };
}
