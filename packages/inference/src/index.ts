export { loadLlamaBackend, type GpuChoice, type LlamaBackendOptions } from './backend/load-llama-backend.js';
export { defaultThreadCount } from './backend/default-thread-count.js';
export { assertGgufFile } from './model-file/assert-gguf-file.js';
export { assertLoraAdapterFile } from './model-file/assert-lora-adapter-file.js';
export {
  loadLlamaModel,
  modelIdFromPath,
  type GpuLayersChoice,
  type LoadLlamaModelOptions,
} from './model-file/load-llama-model.js';
export { modelLoadCancelled } from './model-file/model-load-cancelled.js';
export { LlamaChatModel, type LlamaChatModelOptions } from './chat/llama-chat-model.js';
export { SequencePool } from './chat/sequence-pool.js';
export { inspectModel, type InspectModelOptions } from './inspection/inspect-model.js';
export type { ModelInspection } from './inspection/model-inspection.js';
export type { ModelResourceEstimate } from './inspection/model-resource-estimate.js';
export { formatModelInspection } from './inspection/format-model-inspection.js';
export { pullModel, type PullModelOptions, type PullProgress } from './model-registry/pull-model.js';
export {
  isModelUri,
  readModelManifest,
  resolveModelReference,
  type PulledModel,
} from './model-registry/model-manifest.js';
export { InferenceEndpointPool, type InferenceEndpointPoolOptions } from './remote/inference-endpoint-pool.js';
export { RemoteChatModel, type RemoteChatModelOptions } from './remote/remote-chat-model.js';
export { RemoteEmbeddingModel, type RemoteEmbeddingModelOptions } from './remote/remote-embedding-model.js';
export {
  connectRemoteModels,
  type ConnectRemoteModelsOptions,
  type RemoteModels,
} from './remote/connect-remote-models.js';
