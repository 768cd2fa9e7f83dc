export { describeKnowledgeStoreConformance } from './knowledge-store-conformance.js';
export { describeAssistantStoreConformance, type OpenAssistantStore } from './assistant-store-conformance.js';
export { describeConversationStoreConformance, type OpenConversationStore } from './conversation-store-conformance.js';
export { hostileQueries } from './lexical-conformance.js';
export {
  axisVector,
  documentWrite,
  expectAndesError,
  expectBestFirst,
  randomUnitVector,
  useStore,
  type OpenKnowledgeStore,
  type StoreUnderTest,
  type TestChunk,
  type TestDocument,
} from './conformance-fixtures.js';
