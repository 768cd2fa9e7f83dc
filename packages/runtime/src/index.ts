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
