import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { repositoryRoot } from '../repository.js';
import type { PackedPackage } from './pack-workspace.js';

const run = promisify(execFile);

/**
 * Native addons whose install scripts would fetch a prebuilt binary from GitHub (unreachable here) or compile for
 * a minute: the scratch project installs without scripts, pins these to the workspace's versions and reuses the
 * binaries the workspace's install built, so the test measures Andes's packaging rather than a C++ compiler.
 */
const nativeAddons = ['better-sqlite3', 'hnswlib-node'];

/** Writes `package.json` for a project that depends on `dependencies` (names of `packed`) and installs it with npm. */
export async function installPackedPackages(
  directory: string,
  packed: readonly PackedPackage[],
  dependencies: readonly string[],
): Promise<void> {
  const tarballOf = new Map(packed.map((item) => [item.name, `file:${item.tarball}`]));
  const overrides: Record<string, string> = Object.fromEntries(tarballOf);
  for (const addon of nativeAddons) overrides[addon] = await workspaceVersion(addon);
  const manifest = {
    name: 'andes-scratch-project',
    private: true,
    type: 'module',
    dependencies: Object.fromEntries(dependencies.map((name) => [name, tarballOf.get(name) ?? name])),
    overrides,
  };
  await mkdir(directory, { recursive: true });
  await writeFile(path.join(directory, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // Optional dependencies are node-llama-cpp's prebuilt llama.cpp binaries (CPU, CUDA, Vulkan; hundreds of MB),
  // not needed by a program that loads no model.
  await run('npm', ['install', '--ignore-scripts', '--omit=optional', '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: directory,
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const addon of nativeAddons) await copyWorkspaceBinaries(addon, path.join(directory, 'node_modules', addon));
}

async function workspaceAddonFolder(name: string): Promise<string> {
  const store = path.join(repositoryRoot, 'node_modules/.pnpm');
  const entry = (await readdir(store)).find((folder) => folder.startsWith(`${name}@`));
  if (entry === undefined) throw new Error(`${name} is not installed in the workspace`);
  return path.join(store, entry, 'node_modules', name);
}

async function workspaceVersion(name: string): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(await workspaceAddonFolder(name), 'package.json'), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

async function copyWorkspaceBinaries(name: string, target: string): Promise<void> {
  const built = path.join(await workspaceAddonFolder(name), 'build/Release');
  await mkdir(path.join(target, 'build/Release'), { recursive: true });
  for (const file of await readdir(built)) {
    if (file.endsWith('.node')) await copyFile(path.join(built, file), path.join(target, 'build/Release', file));
  }
}
