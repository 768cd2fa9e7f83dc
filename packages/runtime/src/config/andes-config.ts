import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { AndesError } from '@andes-rag/core';
import { maxResultCount } from '../limits/request-limits.js';
import { readConfigFile } from './config-file.js';
import { loraAdaptersConfigSchema } from './lora-adapters-config.js';
import { retrievalConfigShape, retrievalEnvironmentKeys } from './retrieval-config.js';
import { inferenceConfigShape, inferenceEnvironmentKeys } from './inference-config.js';
import { storeConfigShape, storeEnvironmentKeys } from './store-config.js';

/** Where GPU work goes: `auto` picks CUDA, then Vulkan, then CPU. */
export const gpuChoices = ['auto', 'cuda', 'vulkan', 'cpu'] as const;
/** A {@link gpuChoices} value. */
export type GpuChoice = (typeof gpuChoices)[number];

const positiveInt = z.coerce.number().int().positive();
/** A list given as an array or as one comma-separated string (an environment variable); blanks dropped. */
const commaSeparated = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    (typeof value === 'string' ? value.split(',') : value).map((item) => item.trim()).filter((item) => item !== ''),
  )
  .default([]);

/** The schema every Andes configuration passes through, with its defaults. */
export const andesConfigSchema = z.object({
  /** Where the store and indexes live. Default `.andes` in the working directory (env `ANDES_DATA_DIR`). */
  dataDir: z.string().min(1).default('.andes'),
  /** A chat GGUF (env `ANDES_MODEL`). Without one, `ask` answers extractively. */
  modelPath: z.string().min(1).optional(),
  /**
   * Where `andes models pull` keeps models and where a model URI (`--model hf:OWNER/REPO/FILE.gguf`) is looked up
   * (env `ANDES_MODELS_DIR`). Default `models` inside the data directory.
   */
  modelsDir: z.string().min(1).optional(),
  /** Where `hf:` model URIs download from (env `ANDES_HF_ENDPOINT`). Default `https://huggingface.co/`. */
  huggingFaceEndpoint: z.url().optional(),
  /** An embedding GGUF (env `ANDES_EMBEDDING_MODEL`). Without one, retrieval is BM25 only. */
  embeddingModelPath: z.string().min(1).optional(),
  /** Backend for the models (env `ANDES_GPU`). Default `auto`. */
  gpu: z.enum(gpuChoices).default('auto'),
  /** CPU threads for the models (env `ANDES_THREADS`). Default: the machine's available parallelism. */
  threads: positiveInt.default(() => os.availableParallelism()),
  /**
   * Context window in tokens for the chat model (env `ANDES_CONTEXT_SIZE`). Default: the largest that fits the free
   * memory (VRAM on a GPU), up to the model's training context.
   */
  contextSize: positiveInt.optional(),
  /** Most new tokens in an answer (env `ANDES_MAX_TOKENS`). Default 512. Also caps a chat request's `max_tokens`. */
  maxAnswerTokens: positiveInt.default(512),
  /** Generations the chat model runs at once, each on a sequence of one shared context (env `ANDES_CHAT_SEQUENCES`). Default 4. */
  chatSequences: positiveInt.max(64).default(4),
  /**
   * Generations allowed to wait for a free, cleared sequence, first come first served (env
   * `ANDES_MAX_QUEUED_REQUESTS`); one more is refused with `queue_full` (HTTP 429 with `Retry-After`). 0 admits a
   * request only when a cleared sequence is ready, so it starts at once: the setting for the lowest time to first
   * token under overload. Default 16.
   */
  maxQueuedRequests: z.coerce.number().int().min(0).default(16),
  /**
   * Extra chat sequences kept clear for the next request while finished ones are cleared in the background, so a
   * request that gets a slot starts at once (env `ANDES_CHAT_SPARE_SEQUENCES`). Each costs a sequence's KV cache.
   * Default: as many as `chatSequences`.
   */
  chatSpareSequences: z.coerce.number().int().min(0).max(64).optional(),
  /** Longest an answer or chat request may take, queueing included, in ms (env `ANDES_REQUEST_TIMEOUT_MS`); then `timeout` (504). Default 120,000. */
  requestTimeoutMs: positiveInt.default(120_000),
  /** Sources retrieved for an answer, 1 to `maxResultCount` (100), like a request's `k`. Default 6. */
  answerSources: positiveInt.max(maxResultCount).default(6),
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
  /**
   * Bytes of uploads the server holds at once, across all requests (env `ANDES_MAX_UPLOAD_BYTES_IN_FLIGHT`). Uploads
   * are streamed to temporary files in the data directory; one that would go over this gets 429 with `Retry-After`,
   * one larger than it on its own 413. Default 4 GiB.
   */
  maxUploadBytesInFlight: positiveInt.default(4 * 1024 * 1024 * 1024),
  /**
   * Browser origins allowed to call the API from other sites (env `ANDES_CORS_ORIGINS`, comma-separated, e.g.
   * `https://intranet.example.com`): they get CORS headers and may send writes. Default: none (only the server's
   * own web UI).
   */
  corsOrigins: commaSeparated,
  /**
   * Host names the server answers to (env `ANDES_ALLOWED_HOSTS`, comma-separated, any port; `*` for any), against
   * DNS rebinding. IP addresses and the loopback names are always accepted, and so is `host` when it is a name.
   * Default: none besides those.
   */
  allowedHosts: commaSeparated,
  /**
   * The bootstrap admin key (env `ANDES_ADMIN_KEY`, at least 16 characters): when set, every `/api` and `/v1` route
   * needs `Authorization: Bearer <key>`. Required to listen on anything but loopback. Default: none (auth off).
   */
  adminKey: z.string().min(16, 'the admin key needs at least 16 characters').optional(),
  /**
   * Requests one API key (or, with auth off, one client address) may make per minute on `/api` and `/v1` (env
   * `ANDES_RATE_LIMIT_PER_MINUTE`); past it, 429 with `Retry-After`. 0 turns the limit off. Default 600.
   */
  rateLimitPerMinute: z.coerce.number().int().min(0).default(600),
  /** pino log level (env `ANDES_LOG_LEVEL`). Default `info`. */
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** LoRA adapters served as `<chat model id>+<name>` (env `ANDES_LORA_ADAPTERS`, JSON): see `lora-adapters-config.ts`. */
  loraAdapters: loraAdaptersConfigSchema,
  /** Reranking, relevance threshold, fusion and query rewriting: see `retrieval-config.ts`. */
  ...retrievalConfigShape,
  /** Chat and embeddings from remote OpenAI-compatible servers: see `inference-config.ts`. */
  ...inferenceConfigShape,
  /** The embedded store or a PostgreSQL database: see `store-config.ts`. */
  ...storeConfigShape,
});

/** A validated configuration. */
export type AndesConfig = z.infer<typeof andesConfigSchema> & { modelsDir: string };
/** Values a caller (CLI flags, tests) may set; anything unset comes from the environment, then defaults. */
export type AndesConfigInput = z.input<typeof andesConfigSchema>;

const environmentKeys: Record<string, keyof AndesConfigInput> = {
  ANDES_DATA_DIR: 'dataDir',
  ANDES_MODEL: 'modelPath',
  ANDES_EMBEDDING_MODEL: 'embeddingModelPath',
  ANDES_MODELS_DIR: 'modelsDir',
  ANDES_HF_ENDPOINT: 'huggingFaceEndpoint',
  ANDES_GPU: 'gpu',
  ANDES_THREADS: 'threads',
  ANDES_CONTEXT_SIZE: 'contextSize',
  ANDES_MAX_TOKENS: 'maxAnswerTokens',
  ANDES_CHAT_SEQUENCES: 'chatSequences',
  ANDES_MAX_QUEUED_REQUESTS: 'maxQueuedRequests',
  ANDES_CHAT_SPARE_SEQUENCES: 'chatSpareSequences',
  ANDES_REQUEST_TIMEOUT_MS: 'requestTimeoutMs',
  ANDES_PORT: 'port',
  ANDES_HOST: 'host',
  ANDES_LOG_LEVEL: 'logLevel',
  ANDES_MAX_UPLOAD_BYTES: 'maxUploadBytes',
  ANDES_MAX_QUESTION_CHARS: 'maxQuestionChars',
  ANDES_LORA_ADAPTERS: 'loraAdapters',
  ANDES_MAX_UPLOAD_BYTES_IN_FLIGHT: 'maxUploadBytesInFlight',
  ANDES_CORS_ORIGINS: 'corsOrigins',
  ANDES_ALLOWED_HOSTS: 'allowedHosts',
  ANDES_ADMIN_KEY: 'adminKey',
  ANDES_RATE_LIMIT_PER_MINUTE: 'rateLimitPerMinute',
  ...retrievalEnvironmentKeys,
  ...inferenceEnvironmentKeys,
  ...storeEnvironmentKeys,
};

/** Where {@link loadConfig} looks for a config file. */
export interface ConfigFileOptions {
  /** A config file to read (the `--config` flag); else `ANDES_CONFIG`, else `andes.config.{json,yaml,yml}` here. */
  configFile?: string;
  /** Where relative config file names are resolved and default files looked for. Default `process.cwd()`. */
  workingDirectory?: string;
}

/**
 * Builds the configuration: explicit `overrides` (CLI flags) win over the environment (`ANDES_*`), which wins over
 * the config file (`config-file.ts`), which wins over defaults. This is the only place Andes reads `process.env`.
 * Throws an AndesError `invalid_request` naming each bad value.
 */
export function loadConfig(
  overrides: Partial<Record<keyof AndesConfigInput, unknown>> = {},
  environment: NodeJS.ProcessEnv = process.env,
  fileOptions: ConfigFileOptions = {},
): AndesConfig {
  const file = readConfigFile(
    fileOptions.configFile ?? (environment['ANDES_CONFIG'] || undefined),
    new Set(Object.keys(andesConfigSchema.shape)),
    fileOptions.workingDirectory,
  );
  const fromFileAndEnvironment: Record<string, unknown> = { ...file?.settings };
  for (const [variable, key] of Object.entries(environmentKeys)) {
    const value = environment[variable];
    if (value !== undefined && value !== '') fromFileAndEnvironment[key] = value;
  }
  const definedOverrides = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  const parsed = andesConfigSchema.safeParse({ ...fromFileAndEnvironment, ...definedOverrides });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`);
    const origin = file ? ` (environment, flags and ${file.path})` : '';
    throw new AndesError('invalid_request', `Invalid configuration${origin}: ${problems.join('; ')}`, {
      details: { problems },
    });
  }
  const dataDir = path.resolve(parsed.data.dataDir);
  return { ...parsed.data, dataDir, modelsDir: path.resolve(parsed.data.modelsDir ?? path.join(dataDir, 'models')) };
}
