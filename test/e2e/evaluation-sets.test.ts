import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compareConfigurations, loadEvaluationDataset, type EvaluationReport } from '@andes-rag/evaluation';
import {
  debianReferenceChineseCorpus,
  sqliteDocCorpus,
  type EvaluationCorpus,
} from '../eval/corpora/evaluation-corpora.js';
import { readCorpus, readCorpusDocument } from '../eval/reference/corpus-text.js';
import { plainBm25 } from '../eval/reference/plain-bm25.js';
import { repositoryRoot, temporaryDirectory } from '../support/repository.js';
import { runCli } from '../support/run-cli.js';

// The Debian corpora come from apt. CI runs scripts/setup.sh as root, which installs them: there a missing corpus
// fails the run; elsewhere the set is skipped with the reason.
const onCi = process.env.CI === 'true';

interface QuestionLine {
  id: string;
  question: string;
  relevant: string[];
  evidence: string;
}

async function questionLines(corpus: EvaluationCorpus): Promise<QuestionLine[]> {
  const text = await readFile(path.join(repositoryRoot, corpus.questionsFile), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as QuestionLine);
}

async function describeSet(
  corpus: EvaluationCorpus,
  minimumQuestions: number,
  extra?: (lines: () => Promise<QuestionLine[]>) => void,
) {
  const missing = await corpus.missing();
  if (missing !== undefined && !onCi) {
    console.warn(`skipping the ${corpus.name} evaluation set: ${missing}`);
    describe.skip(`evaluation set ${corpus.name}`, () => test('needs its corpus', () => {}));
    return;
  }
  describe(`evaluation set ${corpus.name}: the default retriever against a plain BM25 reference`, () => {
    let work: Awaited<ReturnType<typeof temporaryDirectory>>;
    let folder = '';
    let report: EvaluationReport;

    beforeAll(async () => {
      expect(missing, 'run scripts/setup.sh as root').toBeUndefined();
      work = await temporaryDirectory(`andes-eval-${corpus.name}-`);
      folder = await corpus.prepare(work.path);
      const data = ['--data-dir', path.join(work.path, 'data'), '--collection', corpus.name];
      const ingest = await runCli(['ingest', folder, ...data]);
      expect(ingest.exitCode, ingest.stderr).toBe(0);
      const result = await runCli(['eval', corpus.questionsFile, ...data, '--json', '--no-report']);
      expect(result.exitCode, result.stderr).toBe(0);
      report = JSON.parse(result.stdout) as EvaluationReport;
    });
    afterAll(async () => work?.remove());

    test(`${minimumQuestions}+ questions; every relevant document holds the passage that answers it`, async () => {
      const lines = await questionLines(corpus);
      expect(lines.length).toBeGreaterThanOrEqual(minimumQuestions);
      for (const { id, relevant, evidence } of lines) {
        for (const source of relevant) {
          const document = await readCorpusDocument(folder, source);
          expect(new RegExp(evidence, 'iu').test(document.text), `${id}: ${source}`).toBe(true);
        }
      }
    });

    test('the default configuration beats the plain BM25 reference on MRR@10', async () => {
      const dataset = await loadEvaluationDataset(path.join(repositoryRoot, corpus.questionsFile));
      const reference = await compareConfigurations({
        dataset,
        configurations: [{ name: 'plain-bm25', retrieve: plainBm25(await readCorpus(folder)) }],
      });
      const referenceSummary = reference.configurations[0]?.summary;
      const defaultSummary = report.retrieval.configurations.find(
        (configuration) => configuration.name === 'default',
      )?.summary;
      console.info(
        `${corpus.name}, ${dataset.questions.length} questions, hit@5 / MRR@10: ` +
          `default ${defaultSummary?.hitCurve[4]?.toFixed(3)} / ${defaultSummary?.mrrAt10.toFixed(3)}, ` +
          `plain BM25 ${referenceSummary?.hitCurve[4]?.toFixed(3)} / ${referenceSummary?.mrrAt10.toFixed(3)}`,
      );
      expect(defaultSummary?.mrrAt10).toBeGreaterThan(referenceSummary?.mrrAt10 ?? 1);
    });

    extra?.(() => questionLines(corpus));
  });
}

await describeSet(sqliteDocCorpus, 30);
await describeSet(debianReferenceChineseCorpus, 36, (lines) => {
  test('questions in Chinese, and some in English over the Chinese text', async () => {
    const questions = (await lines()).map((line) => line.question);
    expect(questions.filter((question) => /\p{Script=Han}/u.test(question)).length).toBeGreaterThanOrEqual(30);
    expect(
      questions.filter((question) => /^[\p{Script=Latin}\p{P}\p{N}\s]+$/u.test(question)).length,
    ).toBeGreaterThanOrEqual(6);
  });
});
