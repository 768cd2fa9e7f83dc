import { Command, Option } from 'commander';
import { AndesError, type ApiKeyRecord, type ApiKeyStore } from '@andes-rag/core';
import { newApiKeyOf, newApiKeySchema, openAndes } from '@andes-rag/runtime';
import { configFromOptions } from '../common-options.js';
import { printJson, printLine } from '../output/print.js';
import { createStderrLogger } from '../output/stderr-logger.js';

interface KeysOptions {
  dataDir?: string;
  json?: boolean;
  verbose?: boolean;
}

interface CreateKeyOptions extends KeysOptions {
  name: string;
  role: 'admin' | 'editor' | 'reader';
  collections?: string[];
  groups?: string[];
}

/**
 * `andes keys create|list|revoke`: the API keys of the store in `--data-dir`, the same store (and the same checks)
 * as the server's `POST/GET/DELETE /api/keys`. A running server sees a new or revoked key at its next request.
 */
export function keysCommand(): Command {
  const command = new Command('keys').description('manage API keys (the server authenticates with them)');
  command.addCommand(
    keysSubcommand('create', 'create a key; its secret is printed this once')
      .requiredOption('--name <name>', "a person's label for the key, e.g. hr-bot")
      .addOption(
        new Option('--role <role>', 'what it may do').choices(['admin', 'editor', 'reader']).makeOptionMandatory(),
      )
      .option('--collections <names>', 'comma-separated collections it may use (default: every collection)', commaList)
      .option('--groups <names>', 'comma-separated groups, matched by group:<name> in access lists', commaList)
      .action(async (options: CreateKeyOptions) => {
        const parsed = newApiKeySchema.safeParse({
          name: options.name,
          role: options.role,
          ...(options.collections === undefined ? {} : { collections: options.collections }),
          ...(options.groups === undefined ? {} : { groups: options.groups }),
        });
        if (!parsed.success) {
          const problems = parsed.error.issues.map((issue) => `--${String(issue.path[0])}: ${issue.message}`);
          throw new AndesError('invalid_request', problems.join('; '), { details: { problems } });
        }
        await withKeyStore(options, false, async (keys) => {
          const created = await keys.create(newApiKeyOf(parsed.data));
          if (options.json) printJson(created);
          else {
            printLine(`${created.id}\t${describeKey(created)}`);
            printLine(`key (shown this once): ${created.key}`);
          }
        });
      }),
  );
  command.addCommand(
    keysSubcommand('list', 'list keys (never their secrets)').action(async (options: KeysOptions) => {
      await withKeyStore(options, true, async (keys) => {
        const records = await keys.list();
        if (options.json) printJson(records);
        else for (const record of records) printLine(`${record.id}\t${describeKey(record)}`);
      });
    }),
  );
  command.addCommand(
    keysSubcommand('revoke', 'revoke a key at once')
      .argument('<id>', 'the key id (from keys list)')
      .action(async (id: string, options: KeysOptions) => {
        await withKeyStore(options, false, async (keys) => {
          if (!(await keys.revoke(id)))
            throw new AndesError('not_found', `No API key has the id "${id}".`, { details: { id } });
          if (options.json) printJson({ id, revoked: true });
          else printLine(`revoked ${id}`);
        });
      }),
  );
  return command;
}

function keysSubcommand(name: string, description: string): Command {
  return new Command(name)
    .description(description)
    .option('--data-dir <dir>', 'where the store lives (env ANDES_DATA_DIR, default ./.andes)')
    .option('--json', 'print JSON')
    .option('--verbose', 'log details to stderr');
}

/** Opens the store without models and runs `work` on its key store; always closes it. */
async function withKeyStore(
  options: KeysOptions,
  readOnly: boolean,
  work: (keys: ApiKeyStore) => Promise<void>,
): Promise<void> {
  const {
    modelPath: _model,
    embeddingModelPath: _embedding,
    rerankModelPath: _reranker,
    ...config
  } = configFromOptions({ ...options, collection: '' });
  const service = await openAndes(config, { logger: createStderrLogger(options.verbose ? 'debug' : 'warn'), readOnly });
  try {
    const keys = await service.apiKeys?.();
    if (keys === undefined) throw new AndesError('internal_error', 'This store keeps no API keys.');
    await work(keys);
  } finally {
    await service.close();
  }
}

function describeKey(record: ApiKeyRecord): string {
  const collections = record.collections === null ? 'all collections' : `collections ${record.collections.join(',')}`;
  const groups = record.groups.length === 0 ? 'no groups' : `groups ${record.groups.join(',')}`;
  return `${record.name}\t${record.role}\t${collections}\t${groups}\t${record.createdAt}`;
}

function commaList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
