import { describeKnowledgeStoreConformance } from '@andes-rag/store-conformance';
import { openTemporaryStore } from '../test-support/temporary-store.js';

describeKnowledgeStoreConformance('SqliteKnowledgeStore', () => openTemporaryStore());

// Small filtered vector searches are answered by an exact scan; run the suite again through the hnswlib graph filter.
describeKnowledgeStoreConformance('SqliteKnowledgeStore, filters through the hnswlib graph', () =>
  openTemporaryStore({ exactSearchLimit: 0 }),
);
