import { defineConfig } from 'vitest/config';

export default defineConfig({
  // PGlite takes seconds to start on a busy machine; a real PostgreSQL server is started once per file.
  test: { testTimeout: 60_000, hookTimeout: 60_000 },
});
