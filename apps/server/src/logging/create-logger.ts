import { destination as pinoDestination, pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import type { AndesConfig } from '@andes-rag/runtime';

/** Options for {@link createLogger}. */
export interface CreateLoggerOptions {
  /** Where the JSON lines go. Default: standard error, written synchronously (stdout stays free for CLI output). */
  destination?: DestinationStream;
}

/**
 * The server's pino logger: JSON lines on stderr at `config.logLevel`, with credentials
 * (`Authorization`, `Cookie`, `Set-Cookie` headers) redacted from request logs.
 */
export function createLogger(config: Pick<AndesConfig, 'logLevel'>, options: CreateLoggerOptions = {}): PinoLogger {
  const destination = options.destination ?? pinoDestination({ dest: 2, sync: true });
  return pino(
    {
      level: config.logLevel,
      base: { service: 'andes' },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    destination,
  );
}
