import type { Command } from 'commander';
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
import { addSubcommands, createRootCommand } from './root-command.js';

/**
 * Builds the `andes` command with all its subcommands; importing this module imports every command module. The
 * `andes` executable uses `loadProgram` (`load-program.ts`) instead, which imports only the command that runs.
 */
export function createProgram(): Command {
  return addSubcommands(createRootCommand(), [
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
  ]);
}
