import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRepositoryRoot } from './find-repository-root.js';
import { makeTestModel, type TestModelKind } from './make-test-model.js';

/** Options of {@link ensureTestModels}. */
export interface EnsureTestModelsOptions {
  /**
   * Folder that caches the models. Default: env `ANDES_TEST_MODELS_DIR`, else `.andes-test-models/` at the
   * repository root (the folder with `pnpm-workspace.yaml` above the working directory or this package),
   * else `andes-test-models/` in the system temporary folder.
   */
  directory?: string;
}

/** Paths of the two cached test models. */
export interface TestModelPaths {
  /** The tiny Llama 3 chat model. */
  chatModelPath: string;
  /** The tiny Llama 3 embedding model (mean pooling). */
  embeddingModelPath: string;
}

/** Bump when the generated models change, so stale cached files are not reused. */
const testModelsVersion = 2;

const pending = new Map<string, Promise<TestModelPaths>>();

/**
 * Builds the default chat and embedding test models into a cache folder once and returns their paths; files
 * already there are reused. Safe to call from parallel test processes: files appear atomically.
 */
export function ensureTestModels(options: EnsureTestModelsOptions = {}): Promise<TestModelPaths> {
  const directory = resolve(options.directory ?? defaultTestModelsDirectory());
  let paths = pending.get(directory);
  if (paths === undefined) {
    paths = buildMissing(directory);
    pending.set(directory, paths);
    paths.catch(() => pending.delete(directory));
  }
  return paths;
}

/** The cache folder {@link ensureTestModels} uses when none is given. */
export function defaultTestModelsDirectory(): string {
  const fromEnvironment = process.env['ANDES_TEST_MODELS_DIR'];
  if (fromEnvironment !== undefined && fromEnvironment !== '') return fromEnvironment;
  const root = findRepositoryRoot(process.cwd()) ?? findRepositoryRoot(dirname(fileURLToPath(import.meta.url)));
  return root === undefined ? join(tmpdir(), 'andes-test-models') : join(root, '.andes-test-models');
}

async function buildMissing(directory: string): Promise<TestModelPaths> {
  await mkdir(directory, { recursive: true });
  const paths: TestModelPaths = {
    chatModelPath: join(directory, fileName('chat')),
    embeddingModelPath: join(directory, fileName('embedding')),
  };
  if (!existsSync(paths.chatModelPath)) await makeTestModel(paths.chatModelPath, { kind: 'chat' });
  if (!existsSync(paths.embeddingModelPath)) await makeTestModel(paths.embeddingModelPath, { kind: 'embedding' });
  return paths;
}

function fileName(kind: TestModelKind): string {
  return `andes-tiny-llama3-${kind}.v${testModelsVersion}.gguf`;
}
