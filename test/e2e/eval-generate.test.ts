import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadEvaluationDataset } from '@andes-rag/evaluation';
import { ensureTestModels } from '@andes-rag/testing';
import { repositoryRoot, samplesDirectory, temporaryDirectory } from '../support/repository.js';
import { runCli } from '../support/run-cli.js';

interface DraftLine {
  id: string;
  question: string;
  relevant: string[];
  passage: string;
}

describe('andes eval generate drafts an evaluation set with the chat model', () => {
  let data: Awaited<ReturnType<typeof temporaryDirectory>>;
  let chatModelPath = '';
  const common = () => ['--data-dir', data.path, '--collection', 'handbook'];

  beforeAll(async () => {
    data = await temporaryDirectory('andes-eval-generate-');
    chatModelPath = (await ensureTestModels()).chatModelPath;
    const ingest = await runCli(['ingest', samplesDirectory, ...common()]);
    expect(ingest.exitCode, ingest.stderr).toBe(0);
  });
  afterAll(async () => data?.remove());

  test('N questions from N different documents spread over the collection, each relevant to the document it came from', async () => {
    const out = path.join(data.path, 'draft.jsonl');
    const result = await runCli([
      'eval',
      'generate',
      ...common(),
      '--count',
      '4',
      '--out',
      out,
      '--model',
      chatModelPath,
    ]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toContain('drafted 4 question(s) from 4 document(s)');

    // The tiny model's weights are random, so the questions are gibberish: check the format and the bookkeeping.
    const dataset = await loadEvaluationDataset(out);
    expect(dataset.questions).toHaveLength(4);
    const lines = (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as DraftLine);
    expect(lines.map((line) => line.id)).toEqual(['generated-1', 'generated-2', 'generated-3', 'generated-4']);
    const sources = lines.map((line) => line.relevant[0] ?? '');
    expect(new Set(sources).size).toBe(4);
    expect(lines.every((line) => line.relevant.length === 1 && line.question.trim() !== '')).toBe(true);

    // Spread, not the first four: the documents listed by source, sorted, are sampled across the whole list.
    const listed = JSON.parse((await runCli(['documents', ...common(), '--json'])).stdout) as Array<{ source: string }>;
    const ordered = listed.map((document) => document.source).sort();
    const positions = sources.map((source) => ordered.indexOf(source));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).not.toEqual([0, 1, 2, 3]);
    expect(Math.max(...positions)).toBeGreaterThanOrEqual(ordered.length - 2);

    // Each passage the model read is text of the document named relevant.
    for (const line of lines) {
      const file = (await readFile(path.resolve(repositoryRoot, line.relevant[0] ?? ''), 'utf8')).replace(/\s+/g, ' ');
      const start = line.passage.replace(/\s+/g, ' ').trim().split(' ').slice(-8).join(' ');
      expect(file, `${line.id}: ${line.relevant[0]}`).toContain(start);
    }

    // Never overwrites: a second run into the same file is refused and the draft stays as it was.
    const again = await runCli([
      'eval',
      'generate',
      ...common(),
      '--count',
      '2',
      '--out',
      out,
      '--model',
      chatModelPath,
    ]);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect((await loadEvaluationDataset(out)).questions).toHaveLength(4);
  });

  test('without a chat model it exits 2 and says what is missing', async () => {
    const result = await runCli(['eval', 'generate', ...common(), '--count', '3']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/needs a chat model.*--model FILE\.gguf or set ANDES_MODEL/);
    expect(result.stdout).toBe('');
  });
});
