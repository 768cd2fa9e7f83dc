import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The built CLI entry point (`pnpm andes` runs the same file). */
export const cliEntry = path.join(repositoryRoot, 'apps/cli/dist/main.js');

/** The bundled sample handbook. */
export const samplesDirectory = path.join(repositoryRoot, 'apps/cli/samples/handbook');

/** A fresh temporary folder, removed by the returned `remove`. */
export async function temporaryDirectory(
  prefix = 'andes-e2e-',
): Promise<{ path: string; remove: () => Promise<void> }> {
  const directory = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { path: directory, remove: () => rm(directory, { recursive: true, force: true }) };
}

/** Environment for child processes: one model thread (2-core machines), no inherited Andes settings. */
export function childEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...process.env, ANDES_THREADS: '1', ANDES_LOG_LEVEL: 'warn' };
  for (const key of Object.keys(environment)) {
    if (key.startsWith('ANDES_') && !['ANDES_THREADS', 'ANDES_LOG_LEVEL', 'ANDES_TEST_MODELS_DIR'].includes(key)) {
      delete environment[key];
    }
  }
  return { ...environment, ...extra };
}
