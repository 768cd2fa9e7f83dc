import { writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { AndesError } from '@andes-rag/core';
import { openAndes } from '@andes-rag/runtime';
import { configFromOptions } from '../common-options.js';
import { createStderrLogger } from '../output/stderr-logger.js';
import { parsePositiveInteger } from './parse-positive-integer.js';

interface ExportDatasetOptions {
  assistant: string;
  feedback: 'up' | 'down';
  version?: number;
  out?: string;
  dataDir?: string;
  verbose?: boolean;
}

/**
 * `andes export-dataset --assistant NAME --feedback up [--version N] [--out FILE]`: the assistant's rated answers as
 * a JSONL fine-tuning set in OpenAI's chat format, one `{"messages": [...]}` per line: the prompt exactly as the
 * model saw it (instructions with the system prompt, fenced sources, history, question), then the answer. Written
 * to stdout, or to FILE. Extractive and "not covered" answers have no prompt and are left out.
 */
export function exportDatasetCommand(): Command {
  return new Command('export-dataset')
    .description('write rated answers of an assistant as a JSONL fine-tuning set (OpenAI chat format)')
    .requiredOption('--assistant <name>', 'the assistant whose answers to export')
    .addOption(new Option('--feedback <rating>', 'which rated answers').choices(['up', 'down']).default('up'))
    .option('--version <n>', 'only answers of this version (default: every version)', parsePositiveInteger)
    .option('--out <file>', 'write here instead of stdout')
    .option('--data-dir <dir>', 'where the store lives (env ANDES_DATA_DIR, default ./.andes)')
    .option('--verbose', 'log details to stderr')
    .action(async (options: ExportDatasetOptions) => {
      // No models: the prompts are already stored with the answers.
      const {
        modelPath: _model,
        embeddingModelPath: _embedding,
        rerankModelPath: _reranker,
        ...config
      } = configFromOptions({
        ...options,
        collection: '',
      });
      const runtime = await openAndes(config, {
        logger: createStderrLogger(options.verbose ? 'debug' : 'warn'),
        readOnly: true,
      });
      try {
        const examples = await runtime.exportDataset({
          assistant: options.assistant,
          feedback: options.feedback,
          ...(options.version === undefined ? {} : { version: options.version }),
        });
        const lines = examples.map((example) => `${JSON.stringify(example)}\n`).join('');
        if (options.out === undefined) {
          process.stdout.write(lines);
          return;
        }
        try {
          await writeFile(options.out, lines);
        } catch (error) {
          throw new AndesError('invalid_request', `Cannot write ${options.out}: ${String(error)}`, { cause: error });
        }
        process.stderr.write(`${examples.length} examples written to ${options.out}\n`);
      } finally {
        await runtime.close();
      }
    });
}
