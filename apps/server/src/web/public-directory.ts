import { fileURLToPath } from 'node:url';

/**
 * The web UI's static files: `apps/server/public`, shipped in the package beside `dist`. Resolved from this module
 * (`src/web` or `dist/web`, both two levels below the package root), so it works from source and from the build.
 */
export const publicDirectory = fileURLToPath(new URL('../../public/', import.meta.url));
