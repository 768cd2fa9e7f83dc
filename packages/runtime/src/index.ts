export type {
  AndesService,
  AskRequest,
  IngestFileResult,
  IngestInput,
  IngestProgress,
  IngestReport,
  Readiness,
  SearchRequest,
} from './andes-service.js';
export { andesConfigSchema, gpuChoices, loadConfig, type AndesConfig, type AndesConfigInput, type GpuChoice } from './config/andes-config.js';
export { openAndes, type OpenAndesOptions } from './open-andes.js';
export { AndesRuntime, maxSearchHits, type AndesRuntimeParts } from './service/andes-runtime.js';
export { supportedFileExtensions } from './supported-file-extensions.js';
export { formatModelInspection, inspectModel, type ModelInspection } from '@andes/inference';
export type { ExplainedSearch, RetrievalTrace } from '@andes/retrieval';
