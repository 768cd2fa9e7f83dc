import { defineConfig } from 'vitest/config';

// The chat tests load the tiny test models (a few seconds on a busy 2-core machine); one file at a time.
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false },
});
