import { defineConfig } from 'vitest/config';

// Writing the tiny test models (23 MiB each, the real tokenizer) takes a few seconds on 2 cores.
export default defineConfig({
  test: { testTimeout: 30_000, hookTimeout: 120_000 },
});
