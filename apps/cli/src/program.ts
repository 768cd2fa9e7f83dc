import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { askCommand } from './commands/ask-command.js';
import { assistantsCommand } from './commands/assistants-command.js';
import { collectionsCommand } from './commands/collections-command.js';
import { documentsCommands } from './commands/documents-command.js';
import { doctorCommand } from './commands/doctor-command.js';
import { evalCommand } from './commands/eval-command.js';
import { exportDatasetCommand } from './commands/export-dataset-command.js';
import { ingestCommand } from './commands/ingest-command.js';
import { keysCommand } from './commands/keys-command.js';
import { migrateCommand } from './commands/migrate-command.js';
import { modelsCommand } from './commands/models-command.js';
import { quickstartCommand } from './commands/quickstart-command.js';
import { reindexCommand } from './commands/reindex-command.js';
import { searchCommand } from './commands/search-command.js';
import { serveCommand } from './commands/serve-command.js';

/** The CLI package's version, read from its manifest (`dist/program.js` and `src/program.ts` sit one level below). */
function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/** Builds the `andes` command with all its subcommands. */
export function createProgram(): Command {
  const program = new Command('andes')
    .description('Question answering over your own documents with Llama 3, on your own hardware.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .showHelpAfterError()
    // Options after a subcommand's name belong to it (`andes eval generate --collection x` is generate's).
    .enablePositionalOptions()
    .exitOverride();
  for (const command of [
    quickstartCommand(),
    ingestCommand(),
    searchCommand(),
    askCommand(),
    serveCommand(),
    collectionsCommand(),
    ...documentsCommands(),
    modelsCommand(),
    reindexCommand(),
    doctorCommand(),
    evalCommand(),
    assistantsCommand(),
    exportDatasetCommand(),
    keysCommand(),
    migrateCommand(),
  ]) {
    program.addCommand(command.exitOverride());
  }
  return program;
}
