// Module hooks of count-modules.mjs: each ES module (or CommonJS file imported from one) loaded, as a file path.
import { appendFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(process.env.ANDES_MODULE_LOG, `${fileURLToPath(url)}\n`);
  return next(url, context);
}
