/**
 * A loaded cross-encoder: reads a query and a passage together and scores how well the passage answers the
 * query. Slower than BM25 or embeddings per passage, so it reorders only the top candidates of a first search.
 */
export interface Reranker {
  /** A name for logs and APIs, e.g. the GGUF file's base name. */
  readonly id: string;
  /**
   * Scores each document for the query, in the order given: a relevance probability from 0 to 1, higher better.
   * Scores are comparable across queries for one model (unlike BM25), so a threshold on them means something.
   * Rejects with an AndesError `aborted` when `options.signal` fires.
   */
  rank(query: string, documents: readonly string[], options?: { signal?: AbortSignal }): Promise<number[]>;
  /** Frees the model's memory. */
  dispose(): Promise<void>;
}
