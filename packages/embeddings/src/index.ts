export { LlamaEmbeddingModel, type LlamaEmbeddingModelOptions } from './model/llama-embedding-model.js';
export {
  embeddingPrefixesFor,
  type EmbeddingPrefixes,
  type EmbeddingModelIdentity,
} from './prefixes/embedding-prefixes.js';
export { normalizeVector } from './vectors/normalize.js';
export { LlamaReranker, type LlamaRerankerOptions } from './reranking/llama-reranker.js';
