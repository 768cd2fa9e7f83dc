import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureTestModels } from '@andes-rag/testing';
import { startModelFileServer, type ModelFileServer } from '../support/model-file-server.js';
import {
  childEnvironment,
  cliEntry,
  repositoryRoot,
  samplesDirectory,
  temporaryDirectory,
} from '../support/repository.js';
import { runCli } from '../support/run-cli.js';

// `andes models pull hf:…`: node-llama-cpp's downloader against a loopback server standing in for Hugging Face
// (`ANDES_HF_ENDPOINT`): an interrupted pull resumes with range requests, the checksum is verified, and
// `--model hf:…` resolves to the pulled file.
describe('andes models pull', () => {
  const uri = 'hf:acme/tiny-llama3/tiny-chat.gguf';
  let file: Buffer;
  let server: ModelFileServer;
  let dataDir: { path: string; remove: () => Promise<void> };
  let environment: Record<string, string>;

  beforeAll(async () => {
    file = await readFile((await ensureTestModels()).chatModelPath);
    server = await startModelFileServer(file);
    dataDir = await temporaryDirectory();
    environment = { ANDES_DATA_DIR: dataDir.path, ANDES_HF_ENDPOINT: server.endpoint };
  });
  afterAll(async () => {
    await server.close();
    await dataDir.remove();
  });

  test('an interrupted pull resumes where it stopped and ends with the file the server published', async () => {
    server.setStalling(true);
    const interrupted = spawn(process.execPath, [cliEntry, 'models', 'pull', uri], {
      cwd: repositoryRoot,
      env: childEnvironment(environment),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    interrupted.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    // Interrupted once the connections have stalled and the downloader has recorded its completed parts: nothing
    // more arrives and the partial file (`.ipull`, progress kept at its end) has stopped changing for a second.
    const partialFile = path.join(dataDir.path, 'models', 'hf_acme_tiny-llama3_tiny-chat.gguf.ipull');
    let lastState = '';
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const state = `${server.bytesServed()} ${existsSync(partialFile) ? statSync(partialFile).mtimeMs : 0}`;
      // At least one stalled connection has sent its 6 MiB, so one 5 MiB part is complete and recorded.
      if (server.bytesServed() >= 6 * 2 ** 20 && state === lastState) break;
      lastState = state;
    }
    interrupted.kill('SIGINT');
    const exitCode = await new Promise<number | null>((resolve) => interrupted.once('close', resolve));
    expect(exitCode).not.toBe(0);
    expect(stderr).toMatch(/pull again to resume/);
    const servedBeforeResume = server.bytesServed();

    server.setStalling(false);
    const resumed = await runCli(['models', 'pull', uri, '--json'], environment);
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    const pulled = JSON.parse(resumed.stdout) as { path: string; sha256: string; sizeBytes: number };
    const resumedBytes = server.bytesServed() - servedBeforeResume;
    expect(resumedBytes).toBeLessThan(file.length - 4 * 2 ** 20);
    expect(pulled.sizeBytes).toBe(file.length);
    expect(pulled.sha256).toBe(createHash('sha256').update(file).digest('hex'));
    expect(
      createHash('sha256')
        .update(await readFile(pulled.path))
        .digest('hex'),
    ).toBe(pulled.sha256);

    const listed = await runCli(['models', 'list', '--json'], environment);
    expect(JSON.parse(listed.stdout)).toMatchObject({ models: [{ uri, sha256: pulled.sha256 }] });
  });

  test('--model hf:… loads the pulled file; a URI never pulled is refused before anything loads', async () => {
    expect((await runCli(['ingest', samplesDirectory], environment)).exitCode).toBe(0);
    const asked = await runCli(['ask', 'Who approves international travel?', '--model', uri, '--json'], {
      ...environment,
      ANDES_MAX_TOKENS: '4',
    });
    expect(asked.exitCode, asked.stderr).toBe(0);
    expect(JSON.parse(asked.stdout)).toMatchObject({ mode: 'generative' });

    const missing = await runCli(['ask', 'Who approves travel?', '--model', 'hf:acme/other/missing.gguf'], environment);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/has not been pulled.*andes models pull hf:acme\/other\/missing\.gguf/);
  });

  test('a file whose SHA-256 differs from the published one is deleted and the pull fails', async () => {
    const tampered = await startModelFileServer(file, { publishedSha256: 'a'.repeat(64) });
    try {
      const otherUri = 'hf:acme/tampered/tiny-chat.gguf';
      const result = await runCli(['models', 'pull', otherUri], {
        ...environment,
        ANDES_HF_ENDPOINT: tampered.endpoint,
      });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(/Checksum mismatch.*expected SHA-256 a{64}/);
      expect(existsSync(path.join(dataDir.path, 'models', 'hf_acme_tampered_tiny-chat.gguf'))).toBe(false);
      const listed = await runCli(['models', 'list', '--json'], environment);
      expect(JSON.parse(listed.stdout).models.map((model: { uri: string }) => model.uri)).not.toContain(otherUri);
    } finally {
      await tampered.close();
    }
  });
});
