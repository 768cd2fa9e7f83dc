import type { AndesConfig, AndesService } from '@andes-rag/runtime';
import type { Logger as PinoLogger } from 'pino';

/** What {@link createApp} builds the HTTP app from. */
export interface AppDependencies {
  /** Does the work: every route is a thin shell over one of its methods. */
  service: AndesService;
  /** Validated configuration; the server reads the question and upload limits (`maxQuestionChars`, `maxUploadBytes`, `maxUploadFiles`) and, in `startServer`, `host` and `port`. */
  config: AndesConfig;
  /** Receives one line per request and every server error (see `createLogger`). */
  logger: PinoLogger;
  /** Largest JSON body accepted, in bytes; larger ones get 413 `payload_too_large`. Default 1 MiB. */
  jsonBodyLimitBytes?: number;
  /** Returns true while the server drains for shutdown, so `/readyz` answers 503. Default: never (`startServer` sets it). */
  isDraining?: () => boolean;
}
