import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The web app's static files: the `dist` folder of `@andes-rag/web` (built by `pnpm build` with Vite from
 * `apps/web`). Found through the package's manifest, so it works in the repository (where the package is a link to
 * `apps/web`) and in a deployed install (`pnpm deploy`, where it sits in `node_modules`).
 */
export const publicDirectory =
  path.join(path.dirname(createRequire(import.meta.url).resolve('@andes-rag/web/package.json')), 'dist') + path.sep;
