import { execFile } from 'node:child_process';
import { cliEntry, childEnvironment, repositoryRoot } from './repository.js';

/** What a finished CLI process left behind. */
export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `andes` CLI as a child process from the repository root. */
export function runCli(args: string[], environment: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cliEntry, ...args],
      { cwd: repositoryRoot, env: childEnvironment(environment), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ exitCode, stdout, stderr });
      },
    );
  });
}
