import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { openAndes } from '@andes-rag/runtime';
import { configFromOptions, withCommonOptions } from '../common-options.js';
import { createStderrLogger } from '../output/stderr-logger.js';
import { ingestPaths } from './ingest-command.js';
import { serve, type ServeOptions } from './serve-command.js';

/** The bundled sample corpus: a fictional company's internal handbook. */
export const samplesDirectory = fileURLToPath(new URL('../../samples/handbook/', import.meta.url));

/** `andes quickstart`: ingests the bundled sample documents, then serves them. */
export function quickstartCommand(): Command {
  return withCommonOptions(new Command('quickstart'))
    .description('ingest the bundled sample handbook and serve it (the first thing to run)')
    .option('--port <n>', 'port to listen on (env ANDES_PORT, default 3000)')
    .option('--host <host>', 'interface to listen on (env ANDES_HOST, default 127.0.0.1)')
    .action(async (options: ServeOptions) => {
      const config = configFromOptions(options, { port: options.port, host: options.host });
      const service = await openAndes(config, { logger: createStderrLogger() });
      try {
        const results = await ingestPaths(service, options.collection, [samplesDirectory]);
        process.stderr.write(`Sample handbook: ${results.length} documents in collection "${options.collection}".\n`);
      } finally {
        await service.close();
      }
      // The address it really listens on (`--port 0` picks a free port), or nothing when a signal stopped it.
      const url = await serve(config);
      if (url === undefined) return;
      process.stderr.write(
        `Try: curl -s '${url}/api/search?q=nightly+hotel+cap+Berlin&k=3'\n  or open ${url}/ in a browser.\n`,
      );
    });
}
