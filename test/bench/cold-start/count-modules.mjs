// Preloaded with `node --import` by cold-start.bench.ts: appends to the file named by ANDES_MODULE_LOG the path of
// every module the process loads: ES modules through a load hook (count-modules-hooks.mjs), CommonJS ones from
// require's cache at exit. The bench counts the distinct paths.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

register('./count-modules-hooks.mjs', import.meta.url);
const require = createRequire(import.meta.url);
process.on('exit', () => {
  const paths = Object.keys(require.cache).map((file) => `${file}\n`);
  appendFileSync(process.env.ANDES_MODULE_LOG, paths.join(''));
});
