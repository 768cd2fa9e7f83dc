export { AndesEmbeddings, type AndesEmbeddingsOptions } from './andes-embeddings.js';
export { AndesRetriever, type AndesRetrieverOptions, type CollectionSearcher } from './andes-retriever.js';
export { AndesVectorStore, type AndesVectorStoreOptions } from './andes-vector-store.js';
export { toLangChainDocument, type AndesDocumentMetadata } from './hit-to-document.js';
export { ChatAndes, type ChatAndesCallOptions, type ChatAndesFields } from './chat/chat-andes.js';
export type { MetadataFilter, MetadataScalar } from './metadata-tags.js';
