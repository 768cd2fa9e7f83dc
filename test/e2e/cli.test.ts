import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureTestModels } from '@andes-rag/testing';
import { childEnvironment, repositoryRoot, samplesDirectory, temporaryDirectory } from '../support/repository.js';
import { runCli } from '../support/run-cli.js';

const run = promisify(execFile);

// The `andes` CLI as a user runs it: real processes, a real data directory, the bundled samples.
describe('andes CLI', () => {
  let dataDirectory: Awaited<ReturnType<typeof temporaryDirectory>>;
  let models: Awaited<ReturnType<typeof ensureTestModels>>;
  const samples = path.relative(repositoryRoot, samplesDirectory);

  beforeAll(async () => {
    models = await ensureTestModels();
    dataDirectory = await temporaryDirectory();
  });
  afterAll(async () => dataDirectory?.remove());

  test('ingest is idempotent: the same unchanged files are stored once', async () => {
    const first = await runCli(['ingest', samples, '--data-dir', dataDirectory.path, '--collection', 'handbook']);
    expect(first.exitCode).toBe(0);
    expect(first.stdout).toMatch(/10 new, 0 updated, 0 unchanged, 0 failed/);
    expect(first.stderr).toMatch(/new 10\/10/);

    const second = await runCli(['ingest', samples, '--data-dir', dataDirectory.path, '--collection', 'handbook']);
    expect(second.stdout).toMatch(/0 new, 0 updated, 10 unchanged, 0 failed/);

    const documents = await runCli([
      'documents',
      '--json',
      '--data-dir',
      dataDirectory.path,
      '--collection',
      'handbook',
    ]);
    expect(JSON.parse(documents.stdout)).toHaveLength(10);
  });

  test('`pnpm --silent andes search --json` prints only a JSON array, best first', async () => {
    const { stdout } = await run(
      'pnpm',
      [
        '--silent',
        'andes',
        'search',
        'parental leave weeks',
        '--k',
        '3',
        '--json',
        '--data-dir',
        dataDirectory.path,
        '--collection',
        'handbook',
      ],
      { cwd: repositoryRoot, env: childEnvironment() },
    );
    const hits = JSON.parse(stdout) as Array<{ source: string; score: number; text: string; chunkId: string }>;
    expect(hits).toHaveLength(3);
    expect(hits[0]?.source).toBe(`${samples}/benefits/parental-leave.txt`);
    for (const hit of hits) {
      expect(typeof hit.text).toBe('string');
      expect(hit.chunkId).toMatch(/\S/);
    }
    const scores = hits.map((hit) => hit.score);
    expect([...scores].sort((left, right) => right - left)).toEqual(scores);
  });

  test('ask --json without a model answers extractively with citations', async () => {
    const result = await runCli([
      'ask',
      'How many vacation days do employees get?',
      '--json',
      '--data-dir',
      dataDirectory.path,
      '--collection',
      'handbook',
    ]);
    expect(result.exitCode).toBe(0);
    const answer = JSON.parse(result.stdout) as {
      answer: string;
      mode: string;
      citations: Array<{ n: number; source: string; chunkId: string; text: string }>;
    };
    expect(answer.mode).toBe('extractive');
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.citations.map((citation) => citation.n)).toEqual(answer.citations.map((_, position) => position + 1));
    expect(answer.citations.some((citation) => citation.source.endsWith('employee-handbook.md'))).toBe(true);
    expect(answer.answer).toMatch(/no generation model/i);
    expect(answer.answer).toContain('[1]');
  });

  test('ask --json with a model answers generatively', async () => {
    const result = await runCli(
      [
        'ask',
        'Who approves international travel?',
        '--json',
        '--data-dir',
        dataDirectory.path,
        '--collection',
        'handbook',
        '--model',
        models.chatModelPath,
      ],
      { ANDES_MAX_TOKENS: '24' },
    );
    expect(result.exitCode).toBe(0);
    const answer = JSON.parse(result.stdout) as { mode: string; citations: unknown[] };
    expect(answer.mode).toBe('generative');
    expect(answer.citations.length).toBeGreaterThan(0);
  });

  test('errors: unknown collection and missing path exit 2 with a message on stderr', async () => {
    const unknown = await runCli(['search', 'vpn', '--data-dir', dataDirectory.path, '--collection', 'nope']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/nope.*does not exist.*collection_not_found/);
    const missing = await runCli(['ingest', 'no/such/folder', '--data-dir', dataDirectory.path]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/No such file or folder/);
    const badFlag = await runCli(['search', 'vpn', '--k', 'zero', '--data-dir', dataDirectory.path]);
    expect(badFlag.exitCode).toBe(2);
  });

  test('models make-test-model writes a Llama 3 GGUF that models inspect describes', async () => {
    const out = path.join(dataDirectory.path, 'tiny.gguf');
    expect((await runCli(['models', 'make-test-model', out])).exitCode).toBe(0);
    const inspected = await runCli(['models', 'inspect', out, '--json']);
    expect(inspected.exitCode).toBe(0);
    const info = JSON.parse(inspected.stdout) as Record<string, unknown>;
    expect(info).toMatchObject({
      architecture: 'llama',
      layers: 2,
      heads: 4,
      kvHeads: 2,
      vocabularySize: 128256,
      ropeFrequencyBase: 500000,
      llama3Tokenizer: true,
    });
    // 2 (K and V) × 2 layers × 2 KV heads × 16 head dimensions × 2 bytes (F16).
    expect(info['kvCacheBytesPerToken']).toBe(256);
    const text = await runCli(['models', 'inspect', out]);
    expect(text.stdout).toMatch(/llama/);
  });
});
