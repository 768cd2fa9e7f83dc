import { spawn } from 'node:child_process';
import path from 'node:path';
import { childEnvironment, repositoryRoot } from './repository.js';

/** What one run of `ingest-until-killed.ts` printed before it was killed. */
export interface KilledRun {
  /** Operations it began (`BEGIN n`), in order. */
  begun: number[];
  /** Operations acknowledged (`ACK n`), in order. */
  acknowledged: number[];
}

const script = path.join(repositoryRoot, 'test/support/ingest-until-killed.ts');

/**
 * Runs `ingest-until-killed.ts` (through tsx) from operation `first` and sends it SIGKILL `delayMs` after it
 * reports the store open (`READY`): early kills land while the first write rebuilds the stale vector index, later
 * ones among the writes. Resolves with what it printed once it is dead; rejects if it exits any other way.
 */
export function runUntilKilled(
  dataDir: string,
  embeddingModelPath: string,
  first: number,
  delayMs: number,
): Promise<KilledRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, embeddingModelPath, String(first)], {
    cwd: repositoryRoot,
    env: childEnvironment(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: KilledRun = { begun: [], acknowledged: [] };
  let errorOutput = '';
  let pending = '';
  child.stderr.on('data', (data: Buffer) => (errorOutput += data.toString()));
  child.stdout.on('data', (data: Buffer) => {
    pending += data.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const [word, number] = line.split(' ');
      if (word === 'READY') setTimeout(() => child.kill('SIGKILL'), delayMs);
      if (word === 'BEGIN') run.begun.push(Number(number));
      if (word === 'ACK') run.acknowledged.push(Number(number));
    }
  });
  return new Promise((resolve, reject) => {
    // `close`, not `exit`: `exit` can come before the last lines on stdout are read, and a lost `BEGIN` line would
    // make a write that landed look like one nobody began.
    child.once('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve(run);
      else reject(new Error(`ingest-until-killed exited with ${code ?? signal}:\n${errorOutput}`));
    });
  });
}
