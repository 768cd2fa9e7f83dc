import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureTestModels } from '@andes-rag/testing';
import { temporaryDirectory } from '../support/repository.js';
import { startServerProcess } from '../support/server-process.js';

/** A line of a JavaScript stack trace (`    at fn (file.js:1:2)`). */
const stackTraceLine = /^\s+at .+:\d+:\d+\)?$/m;

/** The `msg` of every JSON log line in `output`. */
function logMessages(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => (JSON.parse(line) as { msg?: string }).msg ?? '');
}

/**
 * Generous bound that only tells a hung process from one that exits: the drain itself takes well under a second
 * (how long it takes belongs in a benchmark, not here).
 */
const hangBoundMs = 60_000;

describe('SIGTERM while the server still loads the store and models', () => {
  let dataDirectory: Awaited<ReturnType<typeof temporaryDirectory>>;
  let chatModelPath: string;

  beforeAll(async () => {
    chatModelPath = (await ensureTestModels()).chatModelPath;
    dataDirectory = await temporaryDirectory();
  });

  afterAll(async () => {
    await dataDirectory?.remove();
  });

  // Right at "listening" (the store is opening), and once the server has answered 503 not_ready (the model loads).
  test.each([
    { moment: 'as soon as it listens', askReadiness: false },
    { moment: 'after /readyz answered 503 not_ready', askReadiness: true },
  ])('$moment: cancels the load, exits 0, never announces serving, prints no stack trace', async ({ askReadiness }) => {
    // At info level the log shows whether the model finished loading or its load was cancelled.
    const server = await startServerProcess(
      ['--data-dir', dataDirectory.path, '--model', chatModelPath],
      { ANDES_LOG_LEVEL: 'info' },
      {
        waitFor: 'listening',
      },
    );
    // `close`, not `exit`: it comes once stderr has been read to its end.
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      server.process.once('close', (code, signal) => resolve({ code, signal })),
    );
    if (askReadiness) {
      const readiness = await fetch(`${server.url}/readyz`);
      expect(readiness.status).toBe(503);
    }
    server.process.kill('SIGTERM');
    const outcome = await Promise.race([
      exited,
      new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), hangBoundMs).unref()),
    ]);
    if (outcome === 'hung') server.process.kill('SIGKILL');
    expect(outcome).toEqual({ code: 0, signal: null });
    expect(server.stderr()).not.toContain('Andes is serving');
    expect(server.stderr()).not.toMatch(stackTraceLine);
    // Shutdown did not wait for the load to finish: the model never loaded, and the load says it was cancelled.
    expect(logMessages(server.stderr())).not.toContain('model loaded');
    expect(logMessages(server.stderr())).toContain('model loading cancelled');
  });
});
