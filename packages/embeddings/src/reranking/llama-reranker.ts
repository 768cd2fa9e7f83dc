import { AndesError, noopLogger, type Logger, type Reranker } from '@andes-rag/core';
import { defaultThreadCount, loadLlamaModel, modelIdFromPath, modelLoadCancelled } from '@andes-rag/inference';
import type { Llama, LlamaModel, LlamaRankingContext, Token } from 'node-llama-cpp';

/** Options of {@link LlamaReranker.load}. */
export interface LlamaRerankerOptions {
  /** The llama.cpp backend from `loadLlamaBackend`. Not disposed with the reranker. */
  llama: Llama;
  /** Path of a GGUF cross-encoder (e.g. bge-reranker-v2-m3, jina-reranker, Qwen3-Reranker). */
  modelPath: string;
  /** Evaluation threads. Default: `os.availableParallelism()`. */
  threads?: number;
  /**
   * Most tokens of one query + document pair; longer documents are cut to fit. Default: the model's training
   * context, at most 1024.
   */
  contextSize?: number;
  /** Default: {@link noopLogger}. */
  logger?: Logger;
  /**
   * Cancels the load (see `loadLlamaModel`): it rejects with AndesError `aborted`, having freed the model and any
   * context it created. Default: none.
   */
  signal?: AbortSignal;
}

const defaultMaximumContext = 1024;

/**
 * A {@link Reranker} over a GGUF cross-encoder through node-llama-cpp's ranking context (llama.cpp pooling type
 * `rank`). Scores are probabilities from 0 to 1: the sigmoid of the classification head's logit, or its
 * softmax for Qwen3 rerankers. Pairs are evaluated one after another (the ranking context holds one sequence).
 */
export class LlamaReranker implements Reranker {
  readonly id: string;
  /** Most tokens of one query + document pair. */
  readonly contextSize: number;

  private constructor(
    private readonly model: LlamaModel,
    private readonly context: LlamaRankingContext,
    modelPath: string,
  ) {
    this.id = modelIdFromPath(modelPath);
    this.contextSize = context.contextSize;
  }

  /**
   * Loads the model and its ranking context.
   * @throws AndesError `model_not_found`, `invalid_model_file` (a GGUF without a classification head, e.g. a chat
   *   model), `model_error`; `aborted` when `options.signal` cancels the load.
   */
  static async load(options: LlamaRerankerOptions): Promise<LlamaReranker> {
    const logger = options.logger ?? noopLogger;
    const { signal } = options;
    const model = await loadLlamaModel(
      options.llama,
      options.modelPath,
      logger,
      signal === undefined ? {} : { signal },
    );
    if (!model.fileInsights.supportsRanking) {
      await model.dispose();
      throw new AndesError(
        'invalid_model_file',
        `${options.modelPath} is not a reranking model: it has no classification head (cls.weight or cls.output.weight).`,
        { details: { path: options.modelPath } },
      );
    }
    const contextSize = Math.min(options.contextSize ?? defaultMaximumContext, model.trainContextSize);
    try {
      const context = await model.createRankingContext({
        contextSize,
        batchSize: contextSize,
        threads: options.threads ?? defaultThreadCount(),
        // node-llama-cpp frees a context whose creation this signal cancelled, then rejects with its reason.
        ...(signal === undefined ? {} : { createSignal: signal }),
      });
      const reranker = new LlamaReranker(model, context, options.modelPath);
      logger.info('reranker ready', { model: reranker.id, contextSize: reranker.contextSize });
      return reranker;
    } catch (error) {
      await model.dispose();
      if (signal?.aborted) throw modelLoadCancelled(options.modelPath, error);
      throw new AndesError(
        'model_error',
        `Could not create a ranking context for ${options.modelPath}: ${String(error)}`,
        { cause: error },
      );
    }
  }

  async rank(query: string, documents: readonly string[], options: { signal?: AbortSignal } = {}): Promise<number[]> {
    const queryTokens = this.tokenize(query).slice(0, Math.floor(this.contextSize / 4));
    const scores: number[] = [];
    for (const document of documents) {
      if (options.signal?.aborted) throw new AndesError('aborted', 'Reranking was cancelled.');
      try {
        scores.push(await this.context.rank(queryTokens, this.fitDocument(queryTokens, this.tokenize(document))));
      } catch (error) {
        throw new AndesError('model_error', `Reranking failed: ${String(error)}`, { cause: error });
      }
    }
    return scores;
  }

  async dispose(): Promise<void> {
    await this.context.dispose();
    await this.model.dispose();
  }

  private tokenize(text: string): Token[] {
    return this.model.tokenize(text, false, 'trimLeadingSpace');
  }

  /** The document's tokens, cut so the whole pair (special tokens included) stays below the context size. */
  private fitDocument(queryTokens: Token[], documentTokens: Token[]): Token[] {
    if (documentTokens.length === 0) return documentTokens;
    const overhead = this.context.calculateInputLength(queryTokens, documentTokens.slice(0, 1)) - 1;
    return documentTokens.slice(0, Math.max(1, this.contextSize - 1 - overhead));
  }
}
