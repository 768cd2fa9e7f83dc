export { AndesError, type AndesErrorCode, type AndesErrorOptions } from './errors/andes-error.js';
export { toAndesError } from './errors/to-andes-error.js';
export { noopLogger, type Logger, type LogFields } from './logger.js';
export type { SourceDocument, DocumentRecord } from './documents.js';
export type { ChunkProvenance, ChunkDraft, Chunk, ChunkFilter } from './chunks.js';
export type { Hit, ScoredChunkId } from './hits.js';
export type { Citation, Answer, AnswerMode } from './answers.js';
export type { ChatMessage, GenerateOptions, FinishReason, Generation, ChatModel } from './models/chat-model.js';
export type { EmbeddingModel } from './models/embedding-model.js';
export type {
  CollectionInfo,
  DocumentWrite,
  DocumentWriteResult,
  StoreSearchOptions,
  KnowledgeStore,
} from './store/knowledge-store.js';
