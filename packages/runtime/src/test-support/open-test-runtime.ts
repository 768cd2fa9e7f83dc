import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureTestModels } from '@andes-rag/testing';
import type { AndesConfigInput } from '../config/andes-config.js';
import { loadConfig } from '../config/andes-config.js';
import { openAndes } from '../open-andes.js';
import type { AndesRuntime } from '../service/andes-runtime.js';

/** A runtime over the tiny test models (one thread) in a fresh data folder, with a small `notes` collection. */
export interface TestRuntime {
  runtime: AndesRuntime;
  /** Closes the runtime and removes its folder. */
  remove(): Promise<void>;
}

const notes: Record<string, string> = {
  'vpn.md':
    '# VPN\n\nConnect to the office network through the WireGuard VPN. Install it from the self-service portal.\n',
  'vacation.md':
    '# Vacation\n\nFull-time employees get 25 days of paid time off per year. Request leave two weeks ahead.\n',
};

/**
 * Opens a runtime for one test file; `overrides` set limits such as `chatSequences` or `requestTimeoutMs`.
 * `embedding: false` leaves the embedding model out (faster to open; retrieval is then BM25 only).
 */
export async function openTestRuntime(
  overrides: Partial<AndesConfigInput> = {},
  { embedding = true } = {},
): Promise<TestRuntime> {
  const { chatModelPath, embeddingModelPath } = await ensureTestModels();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'andes-runtime-'));
  const models = embedding ? { modelPath: chatModelPath, embeddingModelPath } : { modelPath: chatModelPath };
  const config = loadConfig({ dataDir, ...models, threads: 1, gpu: 'cpu', ...overrides }, {});
  const runtime = await openAndes(config);
  const inputs = Object.entries(notes).map(([source, text]) => ({ source, bytes: new TextEncoder().encode(text) }));
  await runtime.ingest('notes', inputs);
  return {
    runtime,
    remove: async () => {
      await runtime.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
