/** A loaded embedding model. Vectors are L2-normalised, so a dot product is the cosine similarity. */
export interface EmbeddingModel {
  /** A name for logs and APIs; stored with a collection to detect a change of model. */
  readonly id: string;
  /** Length of every vector it returns. */
  readonly dimensions: number;
  /** Embeds passages for indexing (with the model's document prefix where it expects one). */
  embedDocuments(texts: string[], options?: { signal?: AbortSignal }): Promise<Float32Array[]>;
  /** Embeds a search query (with the model's query prefix where it expects one). */
  embedQuery(text: string, options?: { signal?: AbortSignal }): Promise<Float32Array>;
  /** Number of tokens `text` takes in this model's vocabulary, for usage reports. Optional: callers report 0 without it. */
  countTokens?(text: string): number;
  /** Frees the model's memory. */
  dispose(): Promise<void>;
}
