/** Texts to embed with a served embedding model. */
export interface EmbedRequest {
  /** The embedding model's id, as `AndesService.models()` lists it. */
  model: string;
  /** The texts, each non-empty; inputs longer than the model's context are truncated. */
  input: string[];
  /** Cancels the request. */
  signal?: AbortSignal;
}

/** The vectors for an {@link EmbedRequest}. */
export interface EmbedResult {
  model: string;
  /** One L2-normalised vector per input, same order. */
  vectors: Float32Array[];
  /** Tokens of all inputs, or 0 when the model cannot count them. */
  promptTokens: number;
}
