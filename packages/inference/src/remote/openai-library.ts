import { createRequire } from 'node:module';
import type * as OpenAILibrary from 'openai';

const requireModule = createRequire(import.meta.url);
let loaded: typeof OpenAILibrary | undefined;

/**
 * The `openai` package, loaded on first use: it is about a hundred modules, and only remote inference needs it, so a
 * process that never talks to an inference server (`andes search`, a local model) never loads it. Loaded with
 * `require` because the pool builds its clients in a synchronous constructor; every value this package takes from
 * `openai` (the client class and the error classes `remote-error.ts` tests with `instanceof`) comes from here, so they
 * are all from the same build of the package.
 */
export function openaiLibrary(): typeof OpenAILibrary {
  loaded ??= requireModule('openai') as typeof OpenAILibrary;
  return loaded;
}
