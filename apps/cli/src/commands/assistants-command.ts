import { readFile } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import { loadEvaluationDataset, parseQualityGate, type QualityGate } from '@andes-rag/evaluation';
import { parse as parseYaml } from 'yaml';
import { AndesError, type AssistantVersion } from '@andes-rag/core';
import {
  assistantDefinitionSchema,
  assistantNameSchema,
  openAndes,
  parseAssistantDefinition,
  type AndesConfig,
  type AndesRuntime,
} from '@andes-rag/runtime';
import { configFromOptions } from '../common-options.js';
import { printJson, printLine } from '../output/print.js';
import { runEvaluation } from '../evaluation/run-evaluation.js';
import { createStderrLogger } from '../output/stderr-logger.js';
import { parsePositiveInteger } from './parse-positive-integer.js';

interface StoreOptions {
  dataDir?: string;
  verbose?: boolean;
  json?: boolean;
}

const fileSchema = assistantDefinitionSchema.extend({ name: assistantNameSchema });

/**
 * `andes assistants create|update|list|show|diff|release`: versioned assistants from JSON or YAML files
 * (`{name, description, systemPrompt, collections, retrieval, generation, loraAdapter?, jsonSchema?}`). `create`
 * makes version 1 (live); `update` the next version, live only once `release`d; `release` an older version to roll back.
 */
export function assistantsCommand(): Command {
  const command = new Command('assistants').description(
    'manage versioned assistants (definitions in JSON or YAML files)',
  );
  command.addCommand(
    storeCommand('create', 'create an assistant from a file: version 1, live at once')
      .argument('<file>', 'JSON or YAML definition with a name')
      .action(async (file: string, options: StoreOptions) => {
        const { name, definition } = await readDefinitionFile(file);
        await withRuntime(options, async (runtime) => report(options, await runtime.createAssistant(name, definition)));
      }),
  );
  command.addCommand(
    storeCommand('update', 'add the next version from a file (live once released)')
      .argument('<file>', 'JSON or YAML definition with a name')
      .action(async (file: string, options: StoreOptions) => {
        const { name, definition } = await readDefinitionFile(file);
        await withRuntime(options, async (runtime) => report(options, await runtime.updateAssistant(name, definition)));
      }),
  );
  command.addCommand(
    storeCommand('list', 'list assistants with their live and latest versions').action(
      async (options: StoreOptions) => {
        await withRuntime(options, async (runtime) => {
          const assistants = await runtime.listAssistants();
          if (options.json) printJson(assistants);
          else
            for (const assistant of assistants)
              printLine(`${assistant.name}\tlive v${assistant.liveVersion}\tlatest v${assistant.latestVersion}`);
        });
      },
    ),
  );
  command.addCommand(
    storeCommand('show', 'print an assistant version (default: the live one) as JSON')
      .argument('<name>')
      .option('--version <n>', 'this version', parsePositiveInteger)
      .action(async (name: string, options: StoreOptions & { version?: number }) => {
        await withRuntime(options, async (runtime) => printJson(await runtime.resolveAssistant(name, options.version)));
      }),
  );
  command.addCommand(
    storeCommand('diff', 'show what changed between two versions')
      .argument('<name>')
      .argument('<from>', 'older version', parsePositiveInteger)
      .argument('<to>', 'newer version', parsePositiveInteger)
      .action(async (name: string, from: number, to: number, options: StoreOptions) => {
        await withRuntime(options, async (runtime) => {
          const changes = diffVersions(
            await runtime.resolveAssistant(name, from),
            await runtime.resolveAssistant(name, to),
          );
          if (options.json) printJson(changes);
          else
            for (const change of changes)
              printLine(`${change.path}: ${JSON.stringify(change.from)} → ${JSON.stringify(change.to)}`);
        });
      }),
  );
  command.addCommand(
    storeCommand('release', 'make a version live (an older one rolls back); --eval gates it on retrieval quality')
      .argument('<name>')
      .requiredOption('--version <n>', 'the version to make live', parsePositiveInteger)
      .option('--eval <dataset>', 'JSONL question set the version must pass before it goes live')
      .option(
        '--fail-under <metric=value>',
        'with --eval: refuse to release below it, e.g. mrr@10=0.6 (repeatable)',
        collectGate,
        [],
      )
      .option('--embedding-model <file.gguf>', 'with --eval: embedding model GGUF (env ANDES_EMBEDDING_MODEL)')
      .action(async (name: string, options: ReleaseOptions) => {
        if (options.failUnder.length > 0 && options.eval === undefined)
          throw new AndesError('invalid_request', '--fail-under needs --eval.');
        await withRuntime(
          options,
          async (runtime, config) => {
            if (options.eval !== undefined) {
              const passed = await passesGate(runtime, config, name, options, options.eval);
              if (!passed) {
                process.exitCode = 1;
                return;
              }
            }
            report(options, await runtime.releaseAssistant(name, options.version));
          },
          { embedding: options.eval !== undefined },
        );
      }),
  );
  return command;
}

/** One changed field between two versions, by dotted path. */
export interface DefinitionChange {
  path: string;
  from: unknown;
  to: unknown;
}

/** The fields that differ between two versions (name, version and creation time left out), by dotted path. */
export function diffVersions(older: AssistantVersion, newer: AssistantVersion): DefinitionChange[] {
  const strip = ({ name: _name, version: _version, createdAt: _createdAt, ...definition }: AssistantVersion) =>
    flatten(definition, '');
  const [before, after] = [strip(older), strip(newer)];
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  return paths
    .filter((path) => JSON.stringify(before.get(path)) !== JSON.stringify(after.get(path)))
    .map((path) => ({ path, from: before.get(path) ?? null, to: after.get(path) ?? null }));
}

function flatten(value: unknown, prefix: string, into = new Map<string, unknown>()): Map<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix === '' ? key : `${prefix}.${key}`, into);
  } else {
    into.set(prefix, value);
  }
  return into;
}

function storeCommand(name: string, description: string): Command {
  return new Command(name)
    .description(description)
    .option('--data-dir <dir>', 'where the store lives (env ANDES_DATA_DIR, default ./.andes)')
    .option('--json', 'print JSON')
    .option('--verbose', 'log details to stderr');
}

async function readDefinitionFile(
  file: string,
): Promise<{ name: string; definition: ReturnType<typeof parseAssistantDefinition> }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new AndesError('invalid_request', `Cannot read ${file}: ${String(error)}`, { cause: error });
  }
  let data: unknown;
  try {
    data = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new AndesError(
      'invalid_request',
      `${file} is not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${String(error)}`,
    );
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`);
    throw new AndesError('invalid_request', `${file}: ${problems.join('; ')}`, { details: { problems } });
  }
  const { name, ...definition } = parsed.data;
  return { name, definition: parseAssistantDefinition(definition) };
}

interface ReleaseOptions extends StoreOptions {
  version: number;
  eval?: string;
  failUnder: QualityGate[];
  embeddingModel?: string;
}

/** Evaluates the version on the dataset; prints each gate and returns whether all passed. */
async function passesGate(
  runtime: AndesRuntime,
  config: AndesConfig,
  name: string,
  options: ReleaseOptions,
  datasetPath: string,
): Promise<boolean> {
  const dataset = await loadEvaluationDataset(datasetPath);
  const assistant = await runtime.resolveAssistant(name, options.version);
  const evaluation = await runEvaluation({
    runtime,
    config,
    dataset,
    datasetPath,
    collection: assistant.collections[0] ?? '',
    k: 10,
    chunks: 40,
    compare: false,
    chunkSizes: [],
    gates: options.failUnder,
    answers: false,
    assistant,
  });
  for (const gate of evaluation.gates) {
    process.stderr.write(
      `andes: ${gate.passed ? 'passed' : 'FAILED'} ${gate.metric} = ${gate.actual === null ? 'not measured' : gate.actual.toFixed(3)} (needs ${gate.minimum})\n`,
    );
  }
  const passed = evaluation.gates.every((gate) => gate.passed);
  if (!passed) process.stderr.write(`andes: ${name} version ${options.version} was not released\n`);
  return passed;
}

function collectGate(value: string, previous: QualityGate[]): QualityGate[] {
  try {
    return [...previous, parseQualityGate(value)];
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
}

async function withRuntime(
  options: StoreOptions & { embeddingModel?: string },
  work: (runtime: AndesRuntime, config: AndesConfig) => Promise<void>,
  { embedding = false } = {},
): Promise<void> {
  // No chat model: managing definitions needs only the store (and the configured adapter names); a release gate
  // also retrieves, with the embedding model when one is configured.
  const {
    modelPath: _model,
    embeddingModelPath,
    rerankModelPath: _reranker,
    ...config
  } = configFromOptions({
    ...options,
    collection: '',
  });
  const opened: AndesConfig =
    embedding && embeddingModelPath !== undefined ? { ...config, embeddingModelPath } : config;
  const runtime = await openAndes(opened, { logger: createStderrLogger(options.verbose ? 'debug' : 'warn') });
  try {
    await work(runtime, opened);
  } finally {
    await runtime.close();
  }
}

function report(options: StoreOptions, value: { name: string; version?: number; liveVersion?: number }): void {
  if (options.json) printJson(value);
  else
    printLine(
      `${value.name}: ${value.version === undefined ? `live version ${value.liveVersion}` : `version ${value.version}`}`,
    );
}
