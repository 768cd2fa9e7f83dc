import type { Command } from 'commander';
import { commandLoaders } from './command-loaders.js';
import { addSubcommands, createRootCommand } from './root-command.js';

/**
 * Builds the `andes` command for one invocation: when `argv[2]` names a subcommand, only that command's module is
 * imported, so `andes search` starts without loading the server, the evaluation harness or the other commands'
 * dependencies. Anything else (no command, `--help`, `--version`, a mistyped name) gets the full program, so help
 * and "did you mean" suggestions list every command.
 * @param argv - `process.argv`: the node executable, the script, then the user's arguments.
 */
export async function loadProgram(argv: readonly string[]): Promise<Command> {
  const load = commandLoaders.get(argv[2] ?? '');
  if (load) return addSubcommands(createRootCommand(), await load());
  const { createProgram } = await import('./program.js');
  return createProgram();
}
