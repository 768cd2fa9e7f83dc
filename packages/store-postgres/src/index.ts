export { PostgresKnowledgeStore } from './store/postgres-knowledge-store.js';
export type { PostgresKnowledgeStoreOptions } from './store/store-options.js';
export type { PostgresConnection, QueryResult, SqlQueryable } from './connection/postgres-connection.js';
export { connectPostgres, type ConnectPostgresOptions } from './connection/pg-pool-connection.js';
export { pgliteConnection, type PgliteLike } from './connection/pglite-connection.js';
export { PostgresApiKeyStore } from './keys/postgres-api-key-store.js';
export { PostgresAssistantStore } from './assistants/postgres-assistant-store.js';
export { PostgresConversationStore } from './conversations/postgres-conversation-store.js';
export { migrateSchema, migrationLockKey, type MigrationOutcome } from './schema/migrate.js';
export type { VectorSearchMode } from './vector/search-vector.js';
export {
  importApiKeys,
  importAssistants,
  importConversations,
  readRecordFingerprints,
  type ImportCount,
  type ImportedApiKey,
  type ImportedAssistant,
  type ImportedConversation,
  type RecordFingerprints,
} from './import/import-records.js';
