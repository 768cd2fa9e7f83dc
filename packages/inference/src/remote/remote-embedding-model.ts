import { AndesError, type EmbeddingModel } from '@andes-rag/core';
import { estimateTokenCount } from './estimate-token-count.js';
import type { InferenceEndpointPool } from './inference-endpoint-pool.js';

/** Options of {@link RemoteEmbeddingModel}. */
export interface RemoteEmbeddingModelOptions {
  /** The servers that run the model. */
  pool: InferenceEndpointPool;
  /** The model's name on those servers (`/v1/models`); also this model's `id`. */
  model: string;
  /** Length of its vectors (measured once when connecting: `connectRemoteModels`). */
  dimensions: number;
}

/**
 * An embedding model served by OpenAI-compatible servers, behind the same `EmbeddingModel` contract as the local
 * `LlamaEmbeddingModel`: vectors come back L2-normalised (normalised here again, since not every server does).
 * Queries and documents are sent alike: the server applies whatever prefix it applies to every input (Andes's
 * `/v1/embeddings` the model's document prefix; vLLM and llama.cpp none), so a model trained with distinct query
 * and document prefixes (nomic-embed, e5) searches a little worse than it does locally.
 */
export class RemoteEmbeddingModel implements EmbeddingModel {
  readonly id: string;
  readonly dimensions: number;
  readonly #pool: InferenceEndpointPool;

  constructor(options: RemoteEmbeddingModelOptions) {
    this.id = options.model;
    this.dimensions = options.dimensions;
    this.#pool = options.pool;
  }

  /** @throws AndesError `aborted`, `invalid_request`, `model_error` (also for vectors of another length). */
  async embedDocuments(texts: string[], options: { signal?: AbortSignal } = {}): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const { signal } = options;
    const response = await this.#pool.run(
      (endpoint) =>
        endpoint.client.embeddings.create(
          { model: this.id, input: texts, encoding_format: 'float' },
          signal === undefined ? {} : { signal },
        ),
      signal,
    );
    const vectors = [...response.data].sort((left, right) => left.index - right.index);
    if (vectors.length !== texts.length || vectors.some((item) => item.embedding.length !== this.dimensions)) {
      throw new AndesError(
        'model_error',
        `The inference server returned ${vectors.length} vectors for ${texts.length} texts, or vectors of a length ` +
          `other than ${this.dimensions}: do all servers of ANDES_INFERENCE_URL serve the same model?`,
      );
    }
    return vectors.map((item) => normalized(item.embedding));
  }

  /** @throws AndesError `aborted`, `invalid_request`, `model_error`. */
  async embedQuery(text: string, options: { signal?: AbortSignal } = {}): Promise<Float32Array> {
    const [vector] = await this.embedDocuments([text], options);
    return vector!;
  }

  /** An estimate (`estimateTokenCount`): the tokenizer lives on the server. */
  countTokens(text: string): number {
    return estimateTokenCount(text);
  }

  /** Nothing to free here: the servers own the model. */
  async dispose(): Promise<void> {}
}

function normalized(values: readonly number[]): Float32Array {
  const vector = Float32Array.from(values);
  let squares = 0;
  for (const value of vector) squares += value * value;
  const length = Math.sqrt(squares);
  if (length > 0) for (let index = 0; index < vector.length; index += 1) vector[index]! /= length;
  return vector;
}
