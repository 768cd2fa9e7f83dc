import type { Command } from 'commander';

/** Builds the subcommands one command module defines (most define one; `documents-command.ts` defines two). */
export type CommandLoader = () => Promise<Command[]>;

/**
 * Each top-level subcommand name with the module that defines it, imported only when that command runs: a command
 * module imports what its action needs (the runtime, the server, the evaluation harness…), so `andes search` never
 * loads the HTTP server or the evaluation code. Keep in step with `createProgram` (`program.ts`).
 */
export const commandLoaders: ReadonlyMap<string, CommandLoader> = new Map<string, CommandLoader>([
  ['quickstart', async () => [(await import('./commands/quickstart-command.js')).quickstartCommand()]],
  ['ingest', async () => [(await import('./commands/ingest-command.js')).ingestCommand()]],
  ['search', async () => [(await import('./commands/search-command.js')).searchCommand()]],
  ['ask', async () => [(await import('./commands/ask-command.js')).askCommand()]],
  ['serve', async () => [(await import('./commands/serve-command.js')).serveCommand()]],
  ['collections', async () => [(await import('./commands/collections-command.js')).collectionsCommand()]],
  ['documents', async () => (await import('./commands/documents-command.js')).documentsCommands()],
  ['delete', async () => (await import('./commands/documents-command.js')).documentsCommands()],
  ['models', async () => [(await import('./commands/models-command.js')).modelsCommand()]],
  ['reindex', async () => [(await import('./commands/reindex-command.js')).reindexCommand()]],
  ['doctor', async () => [(await import('./commands/doctor-command.js')).doctorCommand()]],
  ['eval', async () => [(await import('./commands/eval-command.js')).evalCommand()]],
  ['assistants', async () => [(await import('./commands/assistants-command.js')).assistantsCommand()]],
  ['export-dataset', async () => [(await import('./commands/export-dataset-command.js')).exportDatasetCommand()]],
  ['keys', async () => [(await import('./commands/keys-command.js')).keysCommand()]],
  ['migrate', async () => [(await import('./commands/migrate-command.js')).migrateCommand()]],
]);
