/**
 * Limits on what one request may ask for, decided here once and enforced by the HTTP API and the CLI alike, so a
 * cheap request cannot make Andes do expensive work (a long embedding, a huge grammar, thousands of vectors).
 */

/** Most hits a search returns and most sources an answer retrieves: the `k` of `/api/search`, `/api/ask`, `andes search|ask --k`. */
export const maxResultCount = 100;

/** Most texts in one `/v1/embeddings` request; more is `invalid_request` (each holds the embedding model in turn). */
export const maxEmbeddingInputs = 256;

/**
 * Most tokens of a search query that are embedded for dense retrieval (about 1,000 characters of English); the
 * rest of a longer query still counts for BM25. The embedding model's own context (up to 2,048 tokens) was the only
 * bound before: on the tiny test model (1 thread) a 4,000-character query took 1.2–2.0 s and 1 GB RSS to embed,
 * 256 tokens 0.8–1.1 s and 590 MB, a short question 10–20 ms.
 */
export const maxQueryEmbeddingTokens = 256;

/** Largest JSON schema (`response_format: json_schema`) accepted, serialized, in characters. */
export const maxJsonSchemaCharacters = 16 * 1024;

/** Most values in one `enum` of a JSON schema, and most `enum` values across the schema. */
export const maxJsonSchemaEnumValues = 256;

/** Deepest nesting of objects and arrays in a JSON schema. */
export const maxJsonSchemaDepth = 32;

/** The `k` of a request, checked: a whole number from 1 to {@link maxResultCount}. */
export function resultCountProblem(k: number): string | undefined {
  if (Number.isInteger(k) && k >= 1 && k <= maxResultCount) return undefined;
  return `k must be a whole number from 1 to ${maxResultCount}, not ${k}.`;
}
