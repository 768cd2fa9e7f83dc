export { createProgram } from './program.js';
export { samplesDirectory } from './commands/quickstart-command.js';
