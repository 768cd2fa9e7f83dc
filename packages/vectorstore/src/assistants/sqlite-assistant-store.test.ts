import { describeAssistantStoreConformance } from '@andes-rag/store-conformance';
import { openTemporaryStore } from '../test-support/temporary-store.js';

describeAssistantStoreConformance('SqliteAssistantStore', async () => {
  const { store, cleanup } = await openTemporaryStore();
  return { store: store.assistantStore(), cleanup };
});
