import { readFileSync } from 'node:fs';
import { Command } from 'commander';

/** The CLI package's version, read from its manifest (`dist/*.js` and `src/*.ts` sit one level below). */
function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/** The `andes` command with its global flags and settings, without subcommands. */
export function createRootCommand(): Command {
  return (
    new Command('andes')
      .description('Question answering over your own documents with Llama 3, on your own hardware.')
      .version(packageVersion(), '-V, --version', 'print the version')
      .showHelpAfterError()
      // Options after a subcommand's name belong to it (`andes eval generate --collection x` is generate's).
      .enablePositionalOptions()
      .exitOverride()
  );
}

/** Adds `commands` to `program` as subcommands that throw instead of exiting, as `program` does. */
export function addSubcommands(program: Command, commands: Command[]): Command {
  for (const command of commands) program.addCommand(command.exitOverride());
  return program;
}
