import { defineConfig } from 'vitest/config';

// End-to-end tests start real server and CLI processes that load real models: one file at a time on 2 cores.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
