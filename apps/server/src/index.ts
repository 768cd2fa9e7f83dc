export { createApp, defaultJsonBodyLimitBytes } from './app/create-app.js';
export { createInferenceApp } from './app/create-inference-app.js';
export type { AppDependencies } from './app/app-dependencies.js';
export {
  startServer,
  defaultShutdownGraceMs,
  type StartServerOptions,
  type RunningServer,
} from './app/start-server.js';
export { createLogger, type CreateLoggerOptions } from './logging/create-logger.js';
export { coreLoggerFromPino } from './logging/core-logger-from-pino.js';
export { errorStatus, isAndesErrorCode, retryAfterSeconds, type ErrorStatusOptions } from './http/error-status.js';
export { toHttpErrorResponse, type ErrorBody, type HttpErrorResponse } from './http/error-response.js';
export { uploadSourceName } from './uploads/upload-source-name.js';
export { publicDirectory } from './web/public-directory.js';
export { listeningSummary, listeningUrls } from './app/listening-urls.js';
export { assertBindAllowed, authenticationSummary } from './security/bind-policy.js';
export { isLoopbackHost } from './security/loopback-host.js';
