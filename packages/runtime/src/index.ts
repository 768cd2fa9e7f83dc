export type {
  AndesService,
  AskRequest,
  IngestFileResult,
  IngestInput,
  IngestInputFields,
  IngestProgress,
  IngestReport,
  Readiness,
  SearchRequest,
} from './andes-service.js';
export {
  andesConfigSchema,
  gpuChoices,
  loadConfig,
  type AndesConfig,
  type AndesConfigInput,
  type GpuChoice,
} from './config/andes-config.js';
export {
  loraAdapterConfigSchema,
  loraAdaptersConfigSchema,
  type LoraAdapterConfig,
} from './config/lora-adapters-config.js';
export { adapterModelId, adapterOfModel, adapterModelSeparator } from './served-models/adapter-model.js';
export { openAndes, type OpenAndesOptions } from './open-andes.js';
export { Andes, type AndesComponents, type IngestPathsOptions } from './andes.js';
export { collectIngestFiles, type CollectIngestFilesOptions } from './ingestion/collect-ingest-files.js';
export type { ChatGenerationOptions, ChatRequest, ChatResult } from './chat/chat-request.js';
export type { EmbedRequest, EmbedResult } from './embedding/embed-request.js';
export {
  maxEmbeddingInputs,
  maxJsonSchemaCharacters,
  maxJsonSchemaDepth,
  maxJsonSchemaEnumValues,
  maxQueryEmbeddingTokens,
  maxResultCount,
  resultCountProblem,
} from './limits/request-limits.js';
export { jsonSchemaProblem } from './limits/json-schema-limits.js';
export {
  collectionModelId,
  collectionModelPrefix,
  collectionOfModel,
  type ServedModel,
  type ServedModelKind,
} from './served-models/served-model.js';
export { withDeadline } from './limits/with-deadline.js';
export { callerScopedService } from './access/caller-scoped-service.js';
export { withCallerPrincipals } from './access/caller-filter.js';
export { groupNameSchema, newApiKeyOf, newApiKeySchema } from './access/new-api-key-schema.js';
export { LoadingAndesService } from './lifecycle/loading-andes-service.js';
export { openAndesInBackground } from './lifecycle/open-andes-in-background.js';
export {
  InferenceOnlyService,
  openInferenceOnly,
  type OpenInferenceOnlyOptions,
} from './lifecycle/inference-only-service.js';
export { AndesRuntime, maxSearchHits, type AndesRuntimeParts } from './service/andes-runtime.js';
export { reindexCollections, type ReindexParts } from './maintenance/reindex-collections.js';
export { runDoctor, type DoctorOptions, type DoctorReport } from './maintenance/doctor.js';
export {
  migrateStore,
  migrationLimits,
  type CollectionMigration,
  type MigrateStoreOptions,
  type MigrationProgress,
  type MigrationReport,
} from './maintenance/migrate-store.js';
export type {
  CollectionTally,
  CollectionVerification,
  RecordVerification,
} from './maintenance/migration-verification.js';
export type {
  CollectionReindexReport,
  MaintainedStore,
  ReindexOptions,
  ReindexProgress,
  ReindexReport,
} from './maintenance/reindex-options.js';
export type { EvaluationAccess, RetrieverVariantOptions } from './evaluation/evaluation-access.js';
export type { RechunkedCopy, RechunkedCopyOptions } from './evaluation/rechunked-copy.js';
export { supportedFileExtensions } from './supported-file-extensions.js';
export { documentTextFromChunks, type DocumentText, type DocumentTextChunk } from './documents/document-text.js';
export { resolveMediaTypes } from './search/resolve-media-types.js';
export { formatModelInspection, inspectModel, type ModelInspection } from '@andes-rag/inference';
export {
  pullModel,
  readModelManifest,
  type PulledModel,
  type PullModelOptions,
  type PullProgress,
} from '@andes-rag/inference';
export type { ExplainedSearch, RetrievalTrace } from '@andes-rag/retrieval';
export {
  assistantDefinitionSchema,
  assistantNamePattern,
  assistantNameSchema,
  parseAssistantDefinition,
  type AssistantDefinitionInput,
} from './assistants/assistant-definition-schema.js';
export { localOwner } from './conversations/conversation-service.js';
export type {
  ConversationCaller,
  ConversationTurn,
  ConversationWithMessages,
  CreateConversationRequest,
  ExportDatasetRequest,
  FineTuningExample,
  RateMessageRequest,
  SendMessageRequest,
} from './conversations/conversation-requests.js';
