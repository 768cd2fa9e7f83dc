import { describeAssistantStoreConformance } from '../conformance/assistant-store-conformance.js';
import { openTemporaryStore } from '../test-support/temporary-store.js';

describeAssistantStoreConformance('SqliteAssistantStore', async () => {
  const { store, cleanup } = await openTemporaryStore();
  return { store: store.assistantStore(), cleanup };
});
