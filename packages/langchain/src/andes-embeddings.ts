import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import type { EmbeddingModel } from '@andes-rag/core';

/** Options for {@link AndesEmbeddings}. */
export interface AndesEmbeddingsOptions extends EmbeddingsParams {
  /** The Andes embedding model to wrap (e.g. `LlamaEmbeddingModel` from `@andes-rag/embeddings`). */
  model: EmbeddingModel;
}

/**
 * LangChain `Embeddings` over an Andes {@link EmbeddingModel}: any LangChain vector store or chain can embed with a
 * local GGUF model. Query and document prefixes are the model's own (see `@andes-rag/embeddings`).
 */
export class AndesEmbeddings extends Embeddings {
  private readonly model: EmbeddingModel;

  constructor(options: AndesEmbeddingsOptions) {
    const { model, ...params } = options;
    super(params);
    this.model = model;
  }

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    const vectors = await this.caller.call(() => this.model.embedDocuments(documents));
    return vectors.map((vector) => Array.from(vector));
  }

  override async embedQuery(document: string): Promise<number[]> {
    return Array.from(await this.caller.call(() => this.model.embedQuery(document)));
  }
}
