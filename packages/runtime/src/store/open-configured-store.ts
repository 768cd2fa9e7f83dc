import type { KnowledgeStore, KnowledgeStoreMaintenance, Logger } from '@andes-rag/core';
import type { ApiKeyStore, AssistantStore, ConversationStore } from '@andes-rag/core';
import { SqliteKnowledgeStore } from '@andes-rag/vectorstore';

/** A store as the runtime needs it: the knowledge store with maintenance, and the stores kept in its database. */
export type ConfiguredStore = KnowledgeStore &
  KnowledgeStoreMaintenance & {
    apiKeyStore(): ApiKeyStore;
    assistantStore(): AssistantStore;
    conversationStore(): ConversationStore;
  };

/** What {@link openConfiguredStore} needs. */
export interface ConfiguredStoreOptions {
  /** `embedded` or a `postgres://` URL (the `store` setting). */
  store: string;
  /** The embedded store's folder. */
  dataDir: string;
  logger: Logger;
  /** Embedded store only: open read-only. */
  readOnly: boolean;
  /** Embedded store only: how much to check on open. */
  check: 'structure' | 'full';
}

/**
 * Opens the store the configuration names: the embedded SQLite store under `dataDir`, or, for a `postgres://` URL,
 * the PostgreSQL store (schema migrated on open; several replicas may share it).
 */
export async function openConfiguredStore(options: ConfiguredStoreOptions): Promise<ConfiguredStore> {
  if (options.store !== 'embedded') {
    // Imported here, so commands on the embedded store never load the PostgreSQL driver.
    const { connectPostgres, PostgresKnowledgeStore } = await import('@andes-rag/store-postgres');
    return PostgresKnowledgeStore.open({ connection: connectPostgres(options.store), logger: options.logger });
  }
  return SqliteKnowledgeStore.open({
    dataDir: options.dataDir,
    logger: options.logger,
    readOnly: options.readOnly,
    check: options.check,
  });
}
