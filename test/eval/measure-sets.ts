/**
 * Measures every evaluation set: ingests each corpus with the real CLI (once, into `--work FOLDER`, reused when
 * run again), then runs `andes eval` with each document-aware ranking weight and prints hit@5 and MRR@10 next to
 * the plain BM25 reference. Needs a build (`pnpm build`) and the Debian corpora (`scripts/setup.sh`).
 *
 *   npx tsx test/eval/measure-sets.ts [--work /tmp/andes-sets] [--boosts 0,0.2,0.3,0.5]
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  compareConfigurations,
  loadEvaluationDataset,
  type EvaluationReport,
  type RetrievalSummary,
} from '@andes-rag/evaluation';
import { evaluationCorpora } from './corpora/evaluation-corpora.js';
import { readCorpus } from './reference/corpus-text.js';
import { plainBm25 } from './reference/plain-bm25.js';

const { values } = parseArgs({
  options: {
    work: { type: 'string', default: '/tmp/andes-sets' },
    boosts: { type: 'string', default: '0,0.2,0.3,0.5' },
  },
});
const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'apps/cli/dist/main.js');
const work = path.resolve(values.work);
const boosts = values.boosts.split(',').map(Number);
const figures = (summary: RetrievalSummary | undefined) =>
  `${summary?.hitCurve[4]?.toFixed(3)} / ${summary?.mrrAt10.toFixed(3)}`;

function andes(args: string[], environment: Record<string, string> = {}): string {
  return execFileSync(process.execPath, [cli, ...args], {
    cwd: root,
    env: { ...process.env, ANDES_LOG_LEVEL: 'warn', ...environment },
    maxBuffer: 256 * 1024 * 1024,
  }).toString();
}

console.log(`hit@5 / MRR@10 per set; document-aware ranking weights ${boosts.join(', ')}`);
for (const corpus of evaluationCorpora) {
  const missing = await corpus.missing();
  if (missing !== undefined) {
    console.log(`${corpus.name}: skipped, ${missing}`);
    continue;
  }
  const folder = await corpus.prepare(path.join(work, 'corpora'));
  const data = ['--data-dir', path.join(work, 'data'), '--collection', corpus.name];
  if (!existsSync(path.join(work, 'data', `.ingested-${corpus.name}`))) {
    andes(['ingest', folder, ...data]);
    execFileSync('touch', [path.join(work, 'data', `.ingested-${corpus.name}`)]);
  }
  const dataset = await loadEvaluationDataset(path.join(root, corpus.questionsFile));
  const reference = await compareConfigurations({
    dataset,
    configurations: [{ name: 'plain-bm25', retrieve: plainBm25(await readCorpus(folder)) }],
  });
  const row = [
    `${corpus.name} (${dataset.questions.length} questions): plain BM25 ${figures(reference.configurations[0]?.summary)}`,
  ];
  for (const boost of boosts) {
    const report = JSON.parse(
      andes(['eval', corpus.questionsFile, ...data, '--json', '--no-report'], { ANDES_DOCUMENT_BOOST: String(boost) }),
    ) as EvaluationReport;
    row.push(
      `w ${boost}: ${figures(report.retrieval.configurations.find((configuration) => configuration.name === 'default')?.summary)}`,
    );
  }
  console.log(row.join(' | '));
}
