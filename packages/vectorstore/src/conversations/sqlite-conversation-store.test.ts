import { describeConversationStoreConformance } from '@andes-rag/store-conformance';
import { openTemporaryStore } from '../test-support/temporary-store.js';

describeConversationStoreConformance('SqliteConversationStore', async () => {
  const { store, cleanup } = await openTemporaryStore();
  return { store: store.conversationStore(), cleanup };
});
