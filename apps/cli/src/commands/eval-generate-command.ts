import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { AndesError } from '@andes-rag/core';
import { openAndes } from '@andes-rag/runtime';
import { configFromOptions, withCommonOptions, type CommonOptions } from '../common-options.js';
import { generateQuestions } from '../evaluation/generate-questions.js';
import { createStderrLogger } from '../output/stderr-logger.js';
import { printableName } from '../output/printable-name.js';
import { parsePositiveInteger } from './parse-positive-integer.js';

interface GenerateOptions extends CommonOptions {
  count: number;
  out?: string;
}

/**
 * `andes eval generate --collection NAME --count N [--out FILE]`: drafts an evaluation set with the configured
 * chat model, one question per sampled document, as JSONL `andes eval` reads, for a person to review.
 */
export function evalGenerateCommand(): Command {
  return withCommonOptions(new Command('generate'))
    .description('draft an evaluation set from a collection with the chat model (JSONL on stdout or --out), for review')
    .option(
      '--count <n>',
      'how many questions, one per document, spread over the collection (at most 1000)',
      parsePositiveInteger,
      20,
    )
    .option('--out <file>', 'write the JSONL here (refuses to overwrite an existing file)')
    .action(async (options: GenerateOptions) => {
      if (options.count > 1000) throw new AndesError('invalid_request', '--count can be at most 1000.');
      const config = configFromOptions(options);
      if (config.modelPath === undefined) {
        throw new AndesError(
          'invalid_request',
          'andes eval generate needs a chat model to write questions: pass --model FILE.gguf or set ANDES_MODEL.',
        );
      }
      const logger = createStderrLogger(config.logLevel === 'debug' ? 'debug' : 'warn');
      const runtime = await openAndes(config, { logger });
      try {
        const chatModel = runtime.evaluationAccess().chatModel;
        if (!chatModel)
          throw new AndesError('invalid_request', 'andes eval generate needs a chat model; none was loaded.');
        if (!(await runtime.evaluationAccess().getCollection(options.collection))) {
          throw new AndesError('collection_not_found', `Collection "${options.collection}" does not exist.`);
        }
        const questions = await generateQuestions({
          runtime,
          chatModel,
          collection: options.collection,
          count: options.count,
          onProgress: ({ done, total, source }) =>
            process.stderr.write(`drafted ${done}/${total} ${printableName(source)}\n`),
        });
        const jsonl =
          questions.map((question) => JSON.stringify(question)).join('\n') + (questions.length > 0 ? '\n' : '');
        if (options.out === undefined) process.stdout.write(jsonl);
        else await writeOnce(options.out, jsonl);
        const shortfall =
          questions.length < options.count ? ` (the collection has fewer usable documents than ${options.count})` : '';
        process.stderr.write(
          `andes: drafted ${questions.length} question(s) from ${new Set(questions.map((question) => question.relevant[0])).size} document(s)${shortfall}` +
            `${options.out === undefined ? '' : ` into ${printableName(options.out)}`}. Review them before measuring with them: a model wrote them.\n`,
        );
      } finally {
        await runtime.close();
      }
    });
}

async function writeOnce(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new AndesError('conflict', `${file} already exists; choose another --out.`);
    throw error;
  }
}
