import { Command } from 'commander';
import { makeTestModel } from '@andes-rag/testing';
import { formatModelInspection, inspectModel } from '@andes-rag/runtime';
import { printJson, printLine } from '../output/print.js';
import { modelsListCommand, modelsPullCommand } from './models-pull-command.js';
import { parsePositiveInteger } from './parse-positive-integer.js';

/** `andes models ...`: pull and list models, inspect GGUF files, write tiny test models. */
export function modelsCommand(): Command {
  const models = new Command('models').description(
    'download models by name, list them, inspect GGUF files, make tiny Llama 3 test models',
  );
  models.addCommand(modelsPullCommand());
  models.addCommand(modelsListCommand());
  models
    .command('make-test-model')
    .description('write a tiny Llama-3-architecture GGUF (real tokenizer, random weights) for smoke tests')
    .argument('<out>', 'the .gguf file to write')
    .option('--embedding', 'write an embedding model (mean pooling) instead of a chat model')
    .action(async (out: string, options: { embedding?: boolean }) => {
      await makeTestModel(out, { kind: options.embedding ? 'embedding' : 'chat' });
      printLine(`Wrote ${options.embedding ? 'embedding' : 'chat'} test model ${out}`);
    });
  models
    .command('inspect')
    .description('print the architecture a GGUF declares and its KV-cache cost per token')
    .argument('<file>', 'a .gguf file')
    .option(
      '--context <tokens>',
      'also estimate VRAM/RAM for this context size and whether it fits here',
      parsePositiveInteger,
    )
    .option('--json', 'print JSON')
    .action(async (file: string, options: { json?: boolean; context?: number }) => {
      const inspection = await inspectModel(
        file,
        options.context === undefined ? {} : { contextSize: options.context },
      );
      if (options.json) printJson(inspection);
      else printLine(formatModelInspection(inspection));
    });
  return models;
}
