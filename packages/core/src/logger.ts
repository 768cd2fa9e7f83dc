/** Structured fields attached to a log line. */
export type LogFields = Record<string, unknown>;

/**
 * The logging interface libraries accept. The apps pass a pino-backed one; libraries default to
 * {@link noopLogger} and never configure logging globally.
 */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** A logger that drops everything: the default for every library. */
export const noopLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};
