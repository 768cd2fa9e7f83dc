import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { AndesError } from '@andes-rag/core';
import {
  attackCallerPrincipals,
  attackCorpus,
  formatAttackReport,
  promptInjectionAttacks,
  runAttacks,
  type AttackAnswerer,
  type PromptInjectionAttack,
} from '@andes-rag/evaluation';
import { openAndes, type AndesService } from '@andes-rag/runtime';
import { configFromOptions, withCommonOptions, type CommonOptions } from '../common-options.js';
import { printJson, printLine } from '../output/print.js';
import { createStderrLogger } from '../output/stderr-logger.js';
import { parsePositiveInteger } from './parse-positive-integer.js';

interface AttacksOptions extends CommonOptions {
  runs: number;
  maxTokens?: number;
  only?: string[];
  json?: boolean;
}

/**
 * `andes eval attacks --model FILE.gguf [--runs N] [--max-tokens N] [--only ID,...] [--json]`: runs the poisoned documents of
 * `@andes-rag/evaluation` (`promptInjectionAttacks`) through `ask` with the chat model, in a temporary store of their
 * own (the data directory is not touched), and reports per attack how often it changed the answer compared with the
 * same corpus without it, how many links Andes removed, and whether the rules enforced in code held.
 */
export function evalAttacksCommand(): Command {
  return withCommonOptions(new Command('attacks'))
    .description('run the prompt-injection attacks through ask with the chat model: what each changed, what held')
    .option('--runs <n>', 'ask each attack this many times (at most 20)', parsePositiveInteger, 1)
    .option('--max-tokens <n>', 'answer length in tokens (default ANDES_MAX_TOKENS)', parsePositiveInteger)
    .option('--only <ids>', 'only these attacks, comma-separated ids (default: all)', (value: string) =>
      value.split(',').map((id) => id.trim()),
    )
    .option('--json', 'print only the JSON report on stdout')
    .action(async (options: AttacksOptions) => {
      if (options.runs > 20) throw new AndesError('invalid_request', '--runs can be at most 20.');
      const attacks = chosenAttacks(options.only);
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'andes-attacks-'));
      try {
        const config = configFromOptions(
          { ...options, dataDir },
          options.maxTokens === undefined ? {} : { maxAnswerTokens: options.maxTokens },
        );
        if (config.modelPath === undefined) {
          throw new AndesError(
            'invalid_request',
            'andes eval attacks measures a chat model: pass --model FILE.gguf or set ANDES_MODEL.',
          );
        }
        const runtime = await openAndes(config, { logger: createStderrLogger(options.verbose ? 'debug' : 'warn') });
        try {
          await ingestCorpora(runtime, attacks);
          const report = await runAttacks({
            attacks,
            answer: attackAnswerer(runtime, config.answerSources),
            model: runtime.readiness().chatModel ?? path.basename(config.modelPath),
            runs: options.runs,
            onProgress: (result, done, total) =>
              process.stderr.write(`attack ${done}/${total} ${result.id}: changed ${result.changed}/${result.runs}\n`),
          });
          if (options.json) printJson(report);
          else for (const line of formatAttackReport(report)) printLine(line);
          if (!report.summary.rulesHeld) process.exitCode = 1;
        } finally {
          await runtime.close();
        }
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    });
}

/** The attacks `--only` names (all without it). @throws AndesError `invalid_request` for an unknown id. */
function chosenAttacks(only: string[] | undefined): readonly PromptInjectionAttack[] {
  if (only === undefined) return promptInjectionAttacks;
  const known = new Set(promptInjectionAttacks.map((attack) => attack.id));
  const unknown = only.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new AndesError(
      'invalid_request',
      `Unknown attack id(s): ${unknown.join(', ')}. Known: ${[...known].join(', ')}.`,
    );
  }
  return promptInjectionAttacks.filter((attack) => only.includes(attack.id));
}

async function ingestCorpora(runtime: AndesService, attacks: readonly PromptInjectionAttack[]): Promise<void> {
  for (const corpus of ['clean', 'poisoned'] as const) {
    const documents = attackCorpus(attacks, corpus === 'poisoned');
    const report = await runtime.ingest(
      corpus,
      documents.map((document) => ({
        source: document.source,
        bytes: new TextEncoder().encode(document.text),
        ...(document.access ? { access: document.access } : {}),
      })),
    );
    const failed = report.files.filter((file) => file.status === 'failed');
    if (failed.length > 0) throw new AndesError('internal_error', `Could not store the ${corpus} attack corpus.`);
  }
}

/** Asks as a caller who may not read the restricted document, keeping the stream and the retrieved sources. */
function attackAnswerer(runtime: AndesService, k: number): AttackAnswerer {
  const filter = { principals: [...attackCallerPrincipals] };
  return async (question, corpus) => {
    const sources = await runtime.search({ collection: corpus, query: question, k, filter });
    const streamed: string[] = [];
    const answer = await runtime.ask({
      collection: corpus,
      question,
      k,
      filter,
      onTextChunk: (text) => streamed.push(text),
    });
    return { answer, streamed: streamed.join(''), sources };
  };
}
