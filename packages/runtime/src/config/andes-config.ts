import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { AndesError } from '@andes/core';

/** Where GPU work goes: `auto` picks CUDA, then Vulkan, then CPU. */
export const gpuChoices = ['auto', 'cuda', 'vulkan', 'cpu'] as const;
/** A {@link gpuChoices} value. */
export type GpuChoice = (typeof gpuChoices)[number];

const positiveInt = z.coerce.number().int().positive();

/** The schema every Andes configuration passes through, with its defaults. */
export const andesConfigSchema = z.object({
  /** Where the store and indexes live. Default `.andes` in the working directory (env `ANDES_DATA_DIR`). */
  dataDir: z.string().min(1).default('.andes'),
  /** A chat GGUF (env `ANDES_MODEL`). Without one, `ask` answers extractively. */
  modelPath: z.string().min(1).optional(),
  /** An embedding GGUF (env `ANDES_EMBEDDING_MODEL`). Without one, retrieval is BM25 only. */
  embeddingModelPath: z.string().min(1).optional(),
  /** Backend for the models (env `ANDES_GPU`). Default `auto`. */
  gpu: z.enum(gpuChoices).default('auto'),
  /** CPU threads for the models (env `ANDES_THREADS`). Default: the machine's available parallelism. */
  threads: positiveInt.default(() => os.availableParallelism()),
  /** Context window in tokens for the chat model (env `ANDES_CONTEXT_SIZE`). Default 8192, capped by the model's own. */
  contextSize: positiveInt.default(8192),
  /** Most new tokens in an answer (env `ANDES_MAX_TOKENS`). Default 512. */
  maxAnswerTokens: positiveInt.default(512),
  /** Sources retrieved for an answer. Default 6. */
  answerSources: positiveInt.max(50).default(6),
  /** Longest question accepted, in characters (env `ANDES_MAX_QUESTION_CHARS`). Default 4000. */
  maxQuestionChars: positiveInt.default(4000),
  /** Largest single uploaded file in bytes (env `ANDES_MAX_UPLOAD_BYTES`). Default 25 MiB. */
  maxUploadBytes: positiveInt.default(25 * 1024 * 1024),
  /** Most files in one upload. Default 100. */
  maxUploadFiles: positiveInt.default(100),
  /** HTTP port (env `ANDES_PORT`). Default 3000. */
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  /** HTTP host (env `ANDES_HOST`). Default 127.0.0.1. */
  host: z.string().min(1).default('127.0.0.1'),
  /** pino log level (env `ANDES_LOG_LEVEL`). Default `info`. */
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** A validated configuration. */
export type AndesConfig = z.infer<typeof andesConfigSchema>;
/** Values a caller (CLI flags, tests) may set; anything unset comes from the environment, then defaults. */
export type AndesConfigInput = z.input<typeof andesConfigSchema>;

const environmentKeys: Record<string, keyof AndesConfigInput> = {
  ANDES_DATA_DIR: 'dataDir',
  ANDES_MODEL: 'modelPath',
  ANDES_EMBEDDING_MODEL: 'embeddingModelPath',
  ANDES_GPU: 'gpu',
  ANDES_THREADS: 'threads',
  ANDES_CONTEXT_SIZE: 'contextSize',
  ANDES_MAX_TOKENS: 'maxAnswerTokens',
  ANDES_PORT: 'port',
  ANDES_HOST: 'host',
  ANDES_LOG_LEVEL: 'logLevel',
  ANDES_MAX_UPLOAD_BYTES: 'maxUploadBytes',
  ANDES_MAX_QUESTION_CHARS: 'maxQuestionChars',
};

/**
 * Builds the configuration: explicit `overrides` win over the environment, which wins over defaults.
 * This is the only place Andes reads `process.env`. Throws an AndesError `invalid_request` naming each bad value.
 */
export function loadConfig(
  overrides: Partial<Record<keyof AndesConfigInput, unknown>> = {},
  environment: NodeJS.ProcessEnv = process.env,
): AndesConfig {
  const fromEnvironment: Record<string, unknown> = {};
  for (const [variable, key] of Object.entries(environmentKeys)) {
    const value = environment[variable];
    if (value !== undefined && value !== '') fromEnvironment[key] = value;
  }
  const definedOverrides = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  const parsed = andesConfigSchema.safeParse({ ...fromEnvironment, ...definedOverrides });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`);
    throw new AndesError('invalid_request', `Invalid configuration: ${problems.join('; ')}`, {
      details: { problems },
    });
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.dataDir) };
}
