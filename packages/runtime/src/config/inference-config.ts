import { z } from 'zod';

/** One URL or several, comma-separated (an environment variable) or as an array; each `http(s)://`. */
const urlList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    (typeof value === 'string' ? value.split(',') : value).map((item) => item.trim()).filter((item) => item !== ''),
  )
  .pipe(z.array(z.url({ protocol: /^https?$/, message: 'each inference URL must be http:// or https://' })))
  .default([]);

/**
 * The remote inference settings of the configuration, spread into `andesConfigSchema`: chat and embeddings from
 * OpenAI-compatible servers (vLLM, llama.cpp's server, `andes serve --inference-only`) instead of local GGUF files.
 */
export const inferenceConfigShape = {
  /**
   * Base URLs of OpenAI-compatible inference servers (env `ANDES_INFERENCE_URL`, comma-separated), all serving the
   * same models; requests go to the least busy one, and one that cannot be reached is skipped. When set, chat and
   * embeddings come from them and `modelPath` / `embeddingModelPath` are not loaded. Default: none (local models).
   */
  inferenceUrls: urlList,
  /** Bearer key for the inference servers (env `ANDES_INFERENCE_API_KEY`), e.g. their `ANDES_ADMIN_KEY`. Default: none. */
  inferenceApiKey: z.string().min(1).optional(),
  /** The chat model's name on the servers (env `ANDES_INFERENCE_MODEL`). Default: the one they list as chat, else the first. */
  inferenceChatModel: z.string().min(1).optional(),
  /**
   * The embedding model's name on the servers (env `ANDES_INFERENCE_EMBEDDING_MODEL`). Default: the one an Andes
   * server lists as embedding; none (BM25 only) otherwise.
   */
  inferenceEmbeddingModel: z.string().min(1).optional(),
  /**
   * Longest wait for an inference server to start answering, in ms (env `ANDES_INFERENCE_TIMEOUT_MS`); then the
   * request is retried on another. Default 60,000.
   */
  inferenceTimeoutMs: z.coerce.number().int().positive().default(60_000),
};

/** The environment variables of {@link inferenceConfigShape}. */
export const inferenceEnvironmentKeys = {
  ANDES_INFERENCE_URL: 'inferenceUrls',
  ANDES_INFERENCE_API_KEY: 'inferenceApiKey',
  ANDES_INFERENCE_MODEL: 'inferenceChatModel',
  ANDES_INFERENCE_EMBEDDING_MODEL: 'inferenceEmbeddingModel',
  ANDES_INFERENCE_TIMEOUT_MS: 'inferenceTimeoutMs',
} as const;
