import { defineConfig } from 'vitest/config';

// Loading the tiny test model takes a few seconds on 2 cores; generations are fast.
export default defineConfig({
  test: { testTimeout: 30_000, hookTimeout: 120_000 },
});
