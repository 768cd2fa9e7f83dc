import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  childEnvironment,
  cliEntry,
  repositoryRoot,
  samplesDirectory,
  temporaryDirectory,
} from '../support/repository.js';
import { runCli } from '../support/run-cli.js';

// What a newcomer expects of any Unix command: a version, and a quiet stop when the reader of its output goes away.
describe('andes command conventions', () => {
  let dataDir: { path: string; remove: () => Promise<void> };
  beforeAll(async () => {
    dataDir = await temporaryDirectory();
    // Enough matching chunks that `search --k 100 --json` prints far more than a pipe buffer holds (64 KiB).
    const corpus = path.join(dataDir.path, 'corpus');
    await mkdir(corpus);
    const paragraph = 'Travel expenses need receipts within thirty days, approved by the budget owner. '.repeat(12);
    for (let index = 0; index < 40; index += 1) {
      const sections = [1, 2, 3].map((section) => `## Travel rule ${index}.${section}\n\n${paragraph}`).join('\n\n');
      await writeFile(path.join(corpus, `policy-${index}.md`), `# Policy ${index}\n\n${sections}\n`);
    }
    expect((await runCli(['ingest', corpus, '--data-dir', dataDir.path])).exitCode).toBe(0);
  });
  afterAll(async () => {
    await dataDir.remove();
  });

  test('ingest labels each file by what happened to it and counts files of unsupported types as skipped', async () => {
    const folder = path.join(dataDir.path, 'mixed');
    await mkdir(folder);
    await writeFile(path.join(folder, 'notes.md'), '# Notes\n\nThe staging cluster restarts on Sundays.\n');
    await writeFile(path.join(folder, 'logo.png'), 'not a document');
    const ingestInto = ['ingest', folder, '--data-dir', dataDir.path, '--collection', 'mixed'];
    const first = await runCli(ingestInto);
    expect(first.exitCode).toBe(0);
    expect(first.stderr).toMatch(/^skipped .*mixed\/logo\.png \(unsupported type\)$/m);
    expect(first.stderr).toMatch(/^new 1\/1 .*mixed\/notes\.md$/m);
    expect(first.stdout).toMatch(/1 new, 0 updated, 0 unchanged, 0 failed; 1 skipped \(unsupported type\)/);
    const again = await runCli(ingestInto);
    expect(again.stderr).toMatch(/^unchanged 1\/1 .*mixed\/notes\.md$/m);
    expect(again.stdout).toMatch(/0 new, 0 updated, 1 unchanged, 0 failed; 1 skipped/);
  });

  test('--version prints the CLI package version', async () => {
    const manifest = JSON.parse(await readFile(path.join(repositoryRoot, 'apps/cli/package.json'), 'utf8')) as {
      version: string;
    };
    const result = await runCli(['--version']);
    expect(result).toMatchObject({ exitCode: 0, stdout: `${manifest.version}\n` });
  });

  test('output piped into a reader that stops early (`| head -1`) ends quietly, without an EPIPE stack trace', async () => {
    // A real shell pipeline into `head`, which exits after its first line while the command still writes.
    const command = [process.execPath, cliEntry, 'search', 'travel expenses receipts', '--k', '100', '--json']
      .concat(['--data-dir', dataDir.path])
      .map((argument) => `'${argument.replaceAll("'", "'\\''")}'`)
      .join(' ');
    const child = spawn('bash', ['-o', 'pipefail', '-c', `${command} | head -n 1 > /dev/null`], {
      cwd: repositoryRoot,
      env: childEnvironment(),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    const exitCode = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(exitCode).toBe(0);
  });
});
