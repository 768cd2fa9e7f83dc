import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { repositoryRoot } from '../repository.js';

const run = promisify(execFile);

/** A workspace package `pnpm pack` turned into a tarball. */
export interface PackedPackage {
  name: string;
  /** Absolute path of the `.tgz`. */
  tarball: string;
}

/** Names of the workspace packages that are published: every one under `packages/` and `apps/` not marked private. */
export async function publishablePackageNames(): Promise<string[]> {
  const names: string[] = [];
  for (const group of ['packages', 'apps']) {
    for (const entry of await readdir(path.join(repositoryRoot, group), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const manifestPath = path.join(repositoryRoot, group, entry.name, 'package.json');
      const manifest = JSON.parse(await readFile(manifestPath, 'utf8').catch(() => '{"private": true}')) as {
        name: string;
        private?: boolean;
      };
      if (manifest.private !== true) names.push(manifest.name);
    }
  }
  return names.sort();
}

/**
 * Packs the given workspace packages with `pnpm pack` (which rewrites `workspace:^` to version ranges) into
 * `destination`, from their built `dist` folders.
 */
export async function packWorkspacePackages(names: readonly string[], destination: string): Promise<PackedPackage[]> {
  const filters = names.flatMap((name) => ['--filter', name]);
  const { stdout } = await run(
    'pnpm',
    ['--silent', '-r', ...filters, 'pack', '--pack-destination', destination, '--json'],
    { cwd: repositoryRoot, maxBuffer: 64 * 1024 * 1024 },
  );
  const packed = JSON.parse(stdout) as { name: string; filename: string }[];
  return packed.map((item) => ({ name: item.name, tarball: item.filename }));
}
