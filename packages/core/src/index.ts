export { AndesError, type AndesErrorCode, type AndesErrorOptions } from './errors/andes-error.js';
export { toAndesError } from './errors/to-andes-error.js';
export { noopLogger, type Logger, type LogFields } from './logger.js';
export type { SourceDocument, DocumentRecord, DocumentWarning, DocumentWarningCode } from './documents.js';
export type { ChunkProvenance, ChunkDraft, Chunk, ChunkFilter } from './chunks.js';
export {
  accessAllows,
  hasRole,
  implicitAdmin,
  mayUseCollection,
  principalPattern,
  principalsOf,
  roles,
  type Caller,
  type Role,
} from './access.js';
export type { ApiKeyRecord, ApiKeyStore, CreatedApiKey, NewApiKey } from './api-keys.js';
export type { Hit, ScoredChunkId } from './hits.js';
export type { Citation, Answer, AnswerMode } from './answers.js';
export type { ChatMessage, GenerateOptions, FinishReason, Generation, ChatModel } from './models/chat-model.js';
export type { JsonSchema, RepeatPenalty, LoraAdapterChoice } from './models/chat-model.js';
export type { ToolCall, ToolChoice, ToolDefinition } from './models/tool-calls.js';
export type { EmbeddingModel } from './models/embedding-model.js';
export type { Reranker } from './models/reranker.js';
export type {
  CollectionInfo,
  CollectionSettings,
  DocumentWrite,
  DocumentWriteResult,
  StoreSearchOptions,
  KnowledgeStore,
} from './store/knowledge-store.js';
export type {
  ChunkEmbedding,
  ChunkToEmbed,
  ChunksToEmbed,
  CollectionIntegrity,
  IndexRebuildReport,
  IntegrityProblem,
  IntegrityReport,
  KnowledgeStoreMaintenance,
  MalformedEmbeddingReport,
  StoreHealth,
  StoredEmbeddingModel,
} from './store/store-maintenance.js';
export type {
  AssistantDefinition,
  AssistantGenerationSettings,
  AssistantRecord,
  AssistantReference,
  AssistantRetrievalSettings,
  AssistantStore,
  AssistantThreshold,
  AssistantVersion,
} from './assistants.js';
export type {
  ConversationMessage,
  ConversationRecord,
  ConversationStore,
  MessageFeedback,
  NewConversationMessage,
  RatedAnswerQuery,
} from './conversations.js';
export { assertEmbeddingsFit, type StoredEmbeddings } from './store/assert-embeddings-fit.js';
