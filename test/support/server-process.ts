import { spawn, type ChildProcess } from 'node:child_process';
import { cliEntry, childEnvironment, repositoryRoot } from './repository.js';

/** A running `andes serve` child process. */
export interface ServerProcess {
  url: string;
  process: ChildProcess;
  /** Everything the server wrote on stderr so far. */
  stderr(): string;
  /** Sends SIGTERM and waits for a clean exit; returns the exit code. */
  stop(): Promise<number | null>;
}

/** Options of {@link startServerProcess}. */
export interface StartServerProcessOptions {
  /**
   * `ready` (default): resolve once the store and models are loaded (`Andes is serving URL`); `listening`: as soon
   * as the server listens (`Andes is listening on URL`), while it still answers 503 `not_ready`.
   */
  waitFor?: 'ready' | 'listening';
}

/** Starts `andes serve --port 0 ...` and waits until it prints the URL it serves (or listens) on. */
export function startServerProcess(
  args: string[],
  environment: Record<string, string> = {},
  options: StartServerProcessOptions = {},
): Promise<ServerProcess> {
  const announcement =
    options.waitFor === 'listening' ? /(?:listening on|serving) (http:\/\/[^\s]+)/ : /serving (http:\/\/[^\s]+)/;
  const child = spawn(process.execPath, [cliEntry, 'serve', '--port', '0', ...args], {
    cwd: repositoryRoot,
    env: childEnvironment(environment),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errorOutput = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (data: Buffer) => {
      errorOutput += data.toString();
      const match = announcement.exec(errorOutput);
      if (match?.[1]) {
        resolve({
          url: match[1].replace(/\/$/, ''),
          process: child,
          stderr: () => errorOutput,
          stop: async () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    child.stdout.resume();
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${errorOutput}`)));
  });
}
