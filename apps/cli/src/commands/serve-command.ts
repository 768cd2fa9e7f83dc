import { Command } from 'commander';
import {
  authenticationSummary,
  coreLoggerFromPino,
  createLogger,
  listeningSummary,
  startServer,
} from '@andes-rag/server';
import { LoadingAndesService, openAndesInBackground, openInferenceOnly, type AndesConfig } from '@andes-rag/runtime';
import { configFromOptions, withCommonOptions, type CommonOptions } from '../common-options.js';

/** Options of `andes serve`. */
export interface ServeOptions extends CommonOptions {
  port?: string;
  host?: string;
  inferenceOnly?: boolean;
}

/** `andes serve`: the HTTP API and web UI, until SIGTERM/SIGINT (which drain in-flight requests). */
export function serveCommand(): Command {
  return withCommonOptions(new Command('serve'))
    .description('serve the HTTP API and the web UI')
    .option('--port <n>', 'port to listen on (env ANDES_PORT, default 3000)')
    .option('--host <host>', 'interface to listen on (env ANDES_HOST, default 127.0.0.1)')
    .option(
      '--inference-only',
      'serve only the models on /v1 (chat, embeddings, models) and the probes: no store, for ANDES_INFERENCE_URL',
    )
    .action(async (options: ServeOptions) => {
      await serve(configFromOptions(options, { port: options.port, host: options.host }), {
        inferenceOnly: options.inferenceOnly === true,
      });
    });
}

/**
 * Listens at once (answering 503 `not_ready` on `/readyz` and the model routes while loading), opens Andes with
 * `config`, and serves it over HTTP until a termination signal. A load that fails closes the server and rejects.
 * With `inferenceOnly`, loads only the models and serves them (`createInferenceApp`): no store is opened.
 */
export async function serve(
  config: AndesConfig,
  options: { inferenceOnly?: boolean } = {},
): Promise<string | undefined> {
  const logger = createLogger(config);
  const inferenceOnly = options.inferenceOnly === true;
  // A server runs for long: check every page of the store once before serving (seconds per 100k chunks).
  const service = inferenceOnly
    ? new LoadingAndesService((signal) => openInferenceOnly(config, { logger: coreLoggerFromPino(logger), signal }))
    : openAndesInBackground(config, { logger: coreLoggerFromPino(logger), storeCheck: 'full' });
  const server = await startServer({ service, config, logger, handleSignals: true, inferenceOnly }).catch(
    async (error: unknown) => {
      await service.close();
      throw error;
    },
  );
  process.stderr.write(`Andes is listening on ${server.url} — loading the store and models…\n`);
  process.stderr.write(`${listeningSummary(config.host, server.urls)}; ${authenticationSummary(config.adminKey)}\n`);
  try {
    await service.whenLoaded();
  } catch (error) {
    // A signal during loading closes the service under the load: that is a shutdown, not a failure to report.
    if (server.closing) return undefined;
    await server.close();
    throw error;
  }
  if (server.closing) return undefined;
  const readiness = service.readiness();
  const mode = readiness.chatModel ? `generative (${readiness.chatModel})` : 'extractive (no --model given)';
  if (inferenceOnly) {
    const models = [readiness.chatModel, readiness.embeddingModel].filter((id) => id !== null).join(', ');
    process.stderr.write(`Andes is serving ${server.url} — inference only: ${models}\n`);
    return server.url;
  }
  process.stderr.write(`Andes is serving ${server.url} — answers: ${mode}; data: ${config.dataDir}\n`);
  return server.url;
}
