export { loadLlamaBackend, type GpuChoice, type LlamaBackendOptions } from './backend/load-llama-backend.js';
export { defaultThreadCount } from './backend/default-thread-count.js';
export { assertGgufFile } from './model-file/assert-gguf-file.js';
export { loadLlamaModel, modelIdFromPath } from './model-file/load-llama-model.js';
export { LlamaChatModel, type LlamaChatModelOptions } from './chat/llama-chat-model.js';
export { SequencePool } from './chat/sequence-pool.js';
export { inspectModel } from './inspection/inspect-model.js';
export type { ModelInspection } from './inspection/model-inspection.js';
export { formatModelInspection } from './inspection/format-model-inspection.js';
// Test models are re-exported so packages above inference can build them without depending on @andes/gguf.
export {
  ensureTestModels,
  makeTestModel,
  type TestModelPaths,
  type TestModelOptions,
  type EnsureTestModelsOptions,
} from '@andes/gguf';
