import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig, type AndesConfigInput } from '@andes-rag/runtime';
import { startServer, type RunningServer, type StartServerOptions } from '../app/start-server.js';
import { createLogger } from '../logging/create-logger.js';
import { FakeAndesService } from './fake-andes-service.js';

/** A server on a free port over a {@link FakeAndesService}, with its log lines captured. */
export interface TestServer extends RunningServer {
  service: FakeAndesService;
  /** Every log line written so far, parsed. */
  logs: Record<string, unknown>[];
  /** The data directory (a fresh temporary folder unless the test chose one). */
  dataDir: string;
}

/** Small limits, so tests can exceed them cheaply. */
const testLimits: Partial<AndesConfigInput> = { maxUploadBytes: 1024, maxUploadFiles: 3, maxQuestionChars: 200 };

/** Starts a server for one test; `close()` it after. */
export async function startTestServer(
  options: { config?: Partial<AndesConfigInput>; service?: FakeAndesService } & Partial<
    Pick<StartServerOptions, 'jsonBodyLimitBytes' | 'shutdownGraceMs'>
  > = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'andes-server-test-'));
  const config = loadConfig(
    { ...testLimits, dataDir, port: 0, host: '127.0.0.1', logLevel: 'debug', ...options.config },
    {},
  );
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      callback();
    },
  });
  const logger = createLogger(config, { destination });
  const service = options.service ?? new FakeAndesService();
  const { service: _ignored, config: _config, ...rest } = options;
  const running = await startServer({ ...rest, service, config, logger });
  return { ...running, service, logs, dataDir: config.dataDir };
}
