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
import { modelsCommand } from './commands/models-command.js';
import { quickstartCommand } from './commands/quickstart-command.js';
import { reindexCommand } from './commands/reindex-command.js';
import { searchCommand } from './commands/search-command.js';
import { serveCommand } from './commands/serve-command.js';

/** Builds the `andes` command with all its subcommands. */
export function createProgram(): Command {
  const program = new Command('andes')
    .description('Question answering over your own documents with Llama 3, on your own hardware.')
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
  ]) {
    program.addCommand(command.exitOverride());
  }
  return program;
}
