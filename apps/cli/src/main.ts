#!/usr/bin/env node
import { CommanderError } from 'commander';
import { AndesError } from '@andes-rag/core';
import { createProgram } from './program.js';
import { exitCodeFor } from './output/exit-code.js';

try {
  await createProgram().parseAsync(process.argv);
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
