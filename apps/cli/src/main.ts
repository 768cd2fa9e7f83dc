#!/usr/bin/env node
import { CommanderError } from 'commander';
import { AndesError } from '@andes-rag/core';
import { loadProgram } from './load-program.js';
import { exitCodeFor } from './output/exit-code.js';

// `andes search … | head` closes stdout early: stop quietly, as Unix tools do, instead of an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

try {
  await (await loadProgram(process.argv)).parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (AndesError.isInstance(error)) {
    process.stderr.write(`andes: ${error.message} [${error.code}]\n`);
    process.exitCode = exitCodeFor(error.code);
  } else {
    process.stderr.write(
      `andes: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}
