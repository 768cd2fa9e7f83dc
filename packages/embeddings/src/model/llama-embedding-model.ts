import { basename } from 'node:path';
import { AndesError, noopLogger, type EmbeddingModel, type Logger } from '@andes-rag/core';
import { defaultThreadCount, loadLlamaModel, modelIdFromPath, modelLoadCancelled } from '@andes-rag/inference';
import type { Llama, LlamaEmbeddingContext, LlamaModel, Token } from 'node-llama-cpp';
import { embeddingPrefixesFor, type EmbeddingPrefixes } from '../prefixes/embedding-prefixes.js';
import { normalizeVector } from '../vectors/normalize.js';

/** Options of {@link LlamaEmbeddingModel.load}. */
export interface LlamaEmbeddingModelOptions {
  /** The llama.cpp backend from `loadLlamaBackend`. Not disposed with the model. */
  llama: Llama;
  /** Path of the GGUF embedding model (any architecture llama.cpp embeds with). */
  modelPath: string;
  /** Evaluation threads. Default: `os.availableParallelism()`. */
  threads?: number;
  /**
   * Most tokens of one input; longer inputs are truncated to fit. Default: the model's training context,
   * at most 2048.
   */
  contextSize?: number;
  /**
   * Most tokens of a query (prefix included); longer queries are truncated to them before embedding, so a long
   * question costs no more than this. Default: `contextSize`.
   */
  maxQueryTokens?: number;
  /** Text put before each query. Default: chosen from the model's name (see `embeddingPrefixesFor`), else none. */
  queryPrefix?: string;
  /** Text put before each document. Default: chosen like `queryPrefix`. */
  documentPrefix?: string;
  /** Default: {@link noopLogger}. */
  logger?: Logger;
  /**
   * Cancels the load (see `loadLlamaModel`): it rejects with AndesError `aborted`, having freed the model and any
   * context it created. Default: none.
   */
  signal?: AbortSignal;
}

const defaultMaximumContext = 2048;
/** Room for the begin/end tokens node-llama-cpp adds around an input, and the one cell it keeps free. */
const reservedTokens = 3;

/**
 * An {@link EmbeddingModel} over a GGUF file through node-llama-cpp's embedding context. Vectors are
 * L2-normalised. Inputs are embedded one after another: node-llama-cpp 3.22's embedding context evaluates a
 * single sequence under a lock, so there is no multi-sequence batching to gain from.
 */
export class LlamaEmbeddingModel implements EmbeddingModel {
  readonly id: string;
  readonly dimensions: number;
  /** The prefixes in use. */
  readonly prefixes: EmbeddingPrefixes;
  /** Most tokens of one input, prefix included. */
  readonly contextSize: number;
  /** Most tokens of a query, prefix included. */
  readonly maxQueryTokens: number;

  private constructor(
    private readonly model: LlamaModel,
    private readonly context: LlamaEmbeddingContext,
    options: LlamaEmbeddingModelOptions,
    contextSize: number,
  ) {
    this.id = modelIdFromPath(options.modelPath);
    this.dimensions = model.embeddingVectorSize;
    this.contextSize = contextSize;
    this.maxQueryTokens = Math.max(1, Math.min(options.maxQueryTokens ?? contextSize, contextSize));
    const chosen = embeddingPrefixesFor({
      fileName: basename(options.modelPath),
      modelName: model.fileInfo.metadata.general.name,
      architecture: model.fileInfo.metadata.general.architecture,
    });
    this.prefixes = { query: options.queryPrefix ?? chosen.query, document: options.documentPrefix ?? chosen.document };
  }

  /**
   * Loads the model and its embedding context. Rejects with `model_not_found`, `invalid_model_file` or
   * `model_error`, or with `aborted` when `options.signal` cancels the load.
   */
  static async load(options: LlamaEmbeddingModelOptions): Promise<LlamaEmbeddingModel> {
    const logger = options.logger ?? noopLogger;
    const { signal } = options;
    const model = await loadLlamaModel(
      options.llama,
      options.modelPath,
      logger,
      signal === undefined ? {} : { signal },
    );
    const contextSize = Math.min(options.contextSize ?? defaultMaximumContext, model.trainContextSize);
    try {
      const context = await model.createEmbeddingContext({
        contextSize,
        batchSize: contextSize,
        threads: options.threads ?? defaultThreadCount(),
        // node-llama-cpp frees a context whose creation this signal cancelled, then rejects with its reason.
        ...(signal === undefined ? {} : { createSignal: signal }),
      });
      const embeddingModel = new LlamaEmbeddingModel(model, context, options, contextSize);
      logger.info('embedding model ready', {
        model: embeddingModel.id,
        dimensions: embeddingModel.dimensions,
        contextSize,
        prefixes: embeddingModel.prefixes,
      });
      return embeddingModel;
    } catch (error) {
      await model.dispose();
      if (signal?.aborted) throw modelLoadCancelled(options.modelPath, error);
      throw new AndesError(
        'model_error',
        `Could not create an embedding context for ${options.modelPath}: ${String(error)}`,
        {
          cause: error,
        },
      );
    }
  }

  /** Tokens the model reads for `text` as a document: its prefix included, cut to the context as embedding cuts it. */
  countTokens(text: string): number {
    return this.inputTokens(this.prefixes.document + text, this.contextSize).length;
  }

  async embedDocuments(texts: string[], options: { signal?: AbortSignal } = {}): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (const text of texts) vectors.push(await this.embed(this.prefixes.document + text, options.signal));
    return vectors;
  }

  embedQuery(text: string, options: { signal?: AbortSignal } = {}): Promise<Float32Array> {
    return this.embed(this.prefixes.query + text, options.signal, this.maxQueryTokens);
  }

  async dispose(): Promise<void> {
    await this.context.dispose();
    await this.model.dispose();
  }

  private async embed(
    text: string,
    signal: AbortSignal | undefined,
    maxTokens = this.contextSize,
  ): Promise<Float32Array> {
    if (signal?.aborted) throw new AndesError('aborted', 'Embedding was cancelled');
    const embedding = await this.context.getEmbeddingFor(this.inputTokens(text, maxTokens));
    return normalizeVector(embedding.vector);
  }

  /** The input's tokens, cut to `maxTokens` and to fit the context; never empty. */
  private inputTokens(text: string, maxTokens: number): Token[] {
    const tokens = this.model.tokenize(text);
    const fitting = tokens.length === 0 ? this.model.tokenize(' ') : tokens;
    return fitting.slice(0, Math.min(maxTokens, this.contextSize - reservedTokens));
  }
}
