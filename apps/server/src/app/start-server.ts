import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assertBindAllowed } from '../security/bind-policy.js';
import { clearUploadDirectory } from '../uploads/upload-directory.js';
import type { AppDependencies } from './app-dependencies.js';
import { ConnectionTracker } from './connection-tracker.js';
import { createApp } from './create-app.js';
import { createInferenceApp } from './create-inference-app.js';
import { listen } from './listen.js';
import { listeningUrls } from './listening-urls.js';
import { trackServiceCalls } from './tracked-service.js';
import { handleShutdownSignals } from './shutdown-signals.js';

/** Options for {@link startServer}: the app's dependencies plus the server's lifetime. */
export interface StartServerOptions extends Omit<AppDependencies, 'isDraining'> {
  /** Install SIGTERM/SIGINT handlers that drain, close and exit the process. Default `false` (tests stay clean). */
  handleSignals?: boolean;
  /**
   * How long `close()` lets in-flight requests (streams included) finish before cutting them off, in ms; then as long
   * again at most for the service calls of cut-off requests to unwind. Default 10,000.
   */
  shutdownGraceMs?: number;
  /** Serve only the models (`andes serve --inference-only`, see `createInferenceApp`). Default `false`. */
  inferenceOnly?: boolean;
}

/** A listening server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:3000` (the real port when `config.port` was 0). */
  url: string;
  /**
   * Every URL the server listens at: one for a specific address; each interface's addresses for a wildcard bind
   * (`0.0.0.0`, `::`), loopback first. For the start banner, which should not claim loopback only.
   */
  urls: string[];
  /** True once `close()` has been called (a signal arrived): the server is draining, not starting. */
  readonly closing: boolean;
  /** The Node HTTP server, for callers that need it (upgrades, extra listeners). */
  server: Server;
  /**
   * Stops accepting connections, lets in-flight requests finish within the grace period (then cuts them off, which
   * aborts their generation), waits for the service calls it started to settle, and closes the service. Idempotent: every call returns the same promise.
   */
  close(): Promise<void>;
}

/** Default for {@link StartServerOptions.shutdownGraceMs}. */
export const defaultShutdownGraceMs = 10_000;

/**
 * Builds the app with {@link createApp} and listens on `config.host`:`config.port`. Rejects with `invalid_request`
 * before listening when the host is not loopback and no `config.adminKey` is set (`security/bind-policy.ts`).
 * Deletes temporary files that interrupted uploads left in the data directory.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config, logger } = options;
  assertBindAllowed(config.host, config.adminKey);
  await clearUploadDirectory(config.dataDir);
  const { service, settled } = trackServiceCalls(options.service);
  let draining = false;
  const build = options.inferenceOnly === true ? createInferenceApp : createApp;
  const server = createServer(build({ ...options, service, isDraining: () => draining }));
  const connections = new ConnectionTracker(server);
  const url = await listen(server, config.host, config.port);
  const urls = listeningUrls(server.address() as AddressInfo);
  logger.info({ url, urls }, 'listening');

  let removeSignalHandlers = () => {};
  let closing: Promise<void> | undefined;
  const drainAndClose = async () => {
    draining = true;
    removeSignalHandlers();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    connections.drain();
    const graceMs = options.shutdownGraceMs ?? defaultShutdownGraceMs;
    const graceTimer = setTimeout(() => {
      logger.warn('grace period over: closing the remaining connections');
      connections.destroyAll();
    }, graceMs);
    await closed;
    clearTimeout(graceTimer);
    // Calls of cut-off requests are aborted but unwind a moment later: let them, before the models go.
    if (!(await settled(graceMs))) logger.warn('service calls still running at close');
    await service.close();
    logger.info('closed');
  };
  const close = () => (closing ??= drainAndClose());
  if (options.handleSignals === true) removeSignalHandlers = handleShutdownSignals(close, logger);
  return {
    url,
    urls,
    server,
    close,
    get closing() {
      return closing !== undefined;
    },
  };
}
