export { SqliteKnowledgeStore } from './store/sqlite-knowledge-store.js';
export type { SqliteKnowledgeStoreOptions } from './store/store-options.js';
export type { HnswOptions } from './vector/hnsw-options.js';
export { collectionNamePattern } from './database/collection-name.js';
export { buildFtsQuery } from './lexical/fts-query.js';
export { SqliteAssistantStore } from './assistants/sqlite-assistant-store.js';
export { SqliteApiKeyStore } from './keys/sqlite-api-key-store.js';
export { SqliteConversationStore } from './conversations/sqlite-conversation-store.js';
export { diagnoseStore } from './integrity/diagnose-store.js';
export { repairStore } from './integrity/repair-store.js';
export type { CheckupProblem, LostDocument, StoreCheckup } from './integrity/store-checkup.js';
export type { LostCommits } from './store/lost-commits.js';
export {
  openEmbeddedStoreExport,
  type EmbeddedStoreExport,
  type ExportedApiKey,
  type ExportedAssistant,
  type ExportedChunk,
  type ExportedCollection,
  type ExportedConversation,
  type ExportedDocument,
  type ExportedMessage,
} from './export/embedded-store-export.js';
