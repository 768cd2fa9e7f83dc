export {
  makeTestModel,
  type TestModelKind,
  type TestModelOptions,
  type TestModelDescription,
} from './test-models/make-test-model.js';
export type { LlamaShape } from './test-models/llama-tensors.js';
export {
  makeTestLoraAdapter,
  type TestLoraAdapterOptions,
  type TestLoraAdapterDescription,
  type LoraTarget,
  type LoraBaseShape,
} from './test-models/make-test-lora-adapter.js';
export {
  ensureTestModels,
  defaultTestModelsDirectory,
  type EnsureTestModelsOptions,
  type TestModelPaths,
} from './test-models/ensure-test-models.js';
export { loadLlama3Tokenizer, type Llama3Tokenizer } from './test-models/llama3-tokenizer.js';
export { makeTestReranker, ensureTestReranker, type TestRerankerOptions } from './test-models/make-test-reranker.js';
export { LlamaReferenceModel, type LlamaReferenceModelOptions } from './reference/llama-reference-model.js';
export type { LlamaHyperparameters } from './reference/llama-hyperparameters.js';
export type { RopeLayout } from './reference/rotary-position-embedding.js';
