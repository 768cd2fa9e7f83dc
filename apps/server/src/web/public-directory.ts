import { fileURLToPath } from 'node:url';

/**
 * The web app's static files: `apps/web/dist`, built by `pnpm build` (Vite) from `apps/web`. Resolved from this
 * module (`src/web` or `dist/web`, both two levels below the server package, beside `apps/web`), so it works from
 * source and from the build.
 */
export const publicDirectory = fileURLToPath(new URL('../../../web/dist/', import.meta.url));
