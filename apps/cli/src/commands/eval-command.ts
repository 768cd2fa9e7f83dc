import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { AndesError } from '@andes-rag/core';
import {
  isAnswerMetric,
  loadEvaluationDataset,
  parseQualityGate,
  writeEvaluationReport,
  type QualityGate,
} from '@andes-rag/evaluation';
import { openAndes } from '@andes-rag/runtime';
import { configFromOptions, withCommonOptions, type CommonOptions } from '../common-options.js';
import { printEvaluation } from '../evaluation/print-evaluation.js';
import { runEvaluation } from '../evaluation/run-evaluation.js';
import { printJson } from '../output/print.js';
import { createStderrLogger } from '../output/stderr-logger.js';
import { evalAttacksCommand } from './eval-attacks-command.js';
import { evalGenerateCommand } from './eval-generate-command.js';
import { parsePositiveInteger } from './parse-positive-integer.js';

interface EvalOptions extends CommonOptions {
  k: number;
  chunks?: number;
  compare?: boolean;
  chunkSizes?: number[];
  reportDir?: string;
  report: boolean;
  failUnder: QualityGate[];
  answers?: boolean;
  json?: boolean;
  assistant?: string;
  version?: number;
}

/** `andes eval DATASET.jsonl`: retrieval (and answer) quality of an existing collection, with reports and gates. */
export function evalCommand(): Command {
  return (
    withCommonOptions(new Command('eval'))
      .description(
        'measure retrieval quality on a JSONL question set (ingests nothing); --compare runs several retrievers',
      )
      .argument('<dataset>', 'JSONL file: one {"question", "relevant": [sources], "answer"?} per line')
      .option('--k <n>', 'the k of hit@k and recall@k, in documents', parsePositiveInteger, 10)
      .option(
        '--chunks <n>',
        'chunks retrieved per question (default 4 × max(k, 10), at most 100)',
        parsePositiveInteger,
      )
      .option('--compare', 'also run BM25 only, dense only and hybrid RRF side by side')
      .option('--chunk-sizes <words>', 'with --compare: re-chunk copies at these sizes, e.g. 100,400', parseSizes)
      .option('--report-dir <dir>', 'where reports go (default <data-dir>/eval-reports)')
      .option('--no-report', 'write no report files')
      .option(
        '--fail-under <metric=value>',
        'exit 1 unless the default configuration reaches it (repeatable)',
        collectGate,
        [],
      )
      .option('--answers', 'also generate answers and grade them (needs a chat model)')
      .option('--json', 'print only the JSON report on stdout')
      .option(
        '--assistant <name>',
        'evaluate this assistant (its collection, filter, reranking, threshold and answers)',
      )
      .option('--version <n>', 'with --assistant: this version instead of the live one', parsePositiveInteger)
      // `eval generate` takes its own --collection, --model…: options after its name are its, not eval's.
      .enablePositionalOptions()
      .addCommand(evalGenerateCommand())
      .addCommand(evalAttacksCommand())
      .action(async (datasetPath: string, options: EvalOptions) => {
        const dataset = await loadEvaluationDataset(datasetPath);
        if (!options.answers && options.failUnder.some((gate) => isAnswerMetric(gate.metric))) {
          throw new AndesError('invalid_request', 'Answer metrics in --fail-under need --answers.');
        }
        const chunks = options.chunks ?? Math.min(100, 4 * Math.max(options.k, 10));
        if (chunks > 100) throw new AndesError('invalid_request', '--chunks can be at most 100.');
        const config = configFromOptions(options);
        const logger = createStderrLogger(config.logLevel === 'debug' ? 'debug' : 'warn');
        // Evaluating reads the store only; re-chunked copies live in temporary stores of their own.
        const runtime = await openAndes(config, { logger, readOnly: true });
        try {
          if (options.version !== undefined && options.assistant === undefined) {
            throw new AndesError('invalid_request', '--version needs --assistant.');
          }
          const assistant =
            options.assistant === undefined
              ? undefined
              : await runtime.resolveAssistant(options.assistant, options.version);
          const report = await runEvaluation({
            ...(assistant ? { assistant } : {}),
            runtime,
            config,
            dataset,
            datasetPath,
            chunks,
            collection: options.collection,
            k: options.k,
            compare: options.compare === true,
            chunkSizes: options.chunkSizes ?? [],
            gates: options.failUnder,
            answers: options.answers === true,
          });
          const written = options.report
            ? await writeEvaluationReport(report, options.reportDir ?? path.join(config.dataDir, 'eval-reports'))
            : undefined;
          if (options.json) {
            printJson(report);
            if (written) process.stderr.write(`andes: report written to ${written.htmlPath}\n`);
          } else {
            printEvaluation(report, written);
          }
          if (report.gates.some((gate) => !gate.passed)) process.exitCode = 1;
        } finally {
          await runtime.close();
        }
      })
  );
}

function collectGate(value: string, previous: QualityGate[]): QualityGate[] {
  try {
    return [...previous, parseQualityGate(value)];
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
}

function parseSizes(value: string): number[] {
  const sizes = value.split(',').map((part) => Number(part.trim()));
  if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 20 || size > 2000)) {
    throw new InvalidArgumentError('expected whole numbers of words from 20 to 2000, comma-separated, e.g. 100,400');
  }
  return sizes;
}
