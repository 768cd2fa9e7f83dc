import { afterAll } from 'vitest';
import {
  describeAssistantStoreConformance,
  describeConversationStoreConformance,
  describeKnowledgeStoreConformance,
} from '@andes-rag/store-conformance';
import { openPgliteStore, sharedPglite } from '../test-support/shared-pglite.js';
import { describeMalformedEmbeddings } from '../maintenance/malformed-embeddings.test-suite.js';
import { describeHnswSearch } from '../vector/hnsw-search.test-suite.js';

// PGlite (PostgreSQL compiled to WebAssembly) with its pgvector extension: the pgvector HNSW path.
describeKnowledgeStoreConformance('PostgresKnowledgeStore on PGlite with pgvector', () => openPgliteStore());
describeAssistantStoreConformance('PostgresAssistantStore on PGlite', async () => {
  const { store, cleanup } = await openPgliteStore();
  return { store: store.assistantStore(), cleanup };
});
describeConversationStoreConformance('PostgresConversationStore on PGlite', async () => {
  const { store, cleanup } = await openPgliteStore();
  return { store: store.conversationStore(), cleanup };
});

// In the same file, so they share the PGlite instance (it takes seconds to start).
describeHnswSearch();
describeMalformedEmbeddings();

afterAll(async () => {
  await (await sharedPglite()).close();
});
