import { describe } from 'vitest';
import {
  describeAssistantStoreConformance,
  describeConversationStoreConformance,
  describeKnowledgeStoreConformance,
} from '@andes-rag/store-conformance';
import { openRealPostgresStore, realPostgresAvailable, useRealPostgresServer } from '../test-support/real-postgres.js';

// A real PostgreSQL 15 server (Debian's postgresql-15; no pgvector package for it there): the whole suite, vector
// search included, runs on the exact cosine scan the store falls back to without the extension.
describe.runIf(realPostgresAvailable)('real PostgreSQL 15 server', () => {
  const { server } = useRealPostgresServer();
  describeKnowledgeStoreConformance('PostgresKnowledgeStore on PostgreSQL 15', () => openRealPostgresStore(server()));
  describeAssistantStoreConformance('PostgresAssistantStore on PostgreSQL 15', async () => {
    const { store, cleanup } = await openRealPostgresStore(server());
    return { store: store.assistantStore(), cleanup };
  });
  describeConversationStoreConformance('PostgresConversationStore on PostgreSQL 15', async () => {
    const { store, cleanup } = await openRealPostgresStore(server());
    return { store: store.conversationStore(), cleanup };
  });
});
