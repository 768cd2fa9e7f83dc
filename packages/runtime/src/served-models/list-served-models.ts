import type { ChatModel, EmbeddingModel, KnowledgeStore } from '@andes-rag/core';
import { adapterModelId } from './adapter-model.js';
import { collectionModelId, type ServedModel } from './served-model.js';

/** What {@link listServedModels} looks at. */
export interface ServedModelSources {
  chatModel: ChatModel | undefined;
  embeddingModel: EmbeddingModel | undefined;
  store: KnowledgeStore;
  /** Names of the configured LoRA adapters, each served as `<chat model id>+<name>`. Default: none. */
  adapterNames?: readonly string[];
}

/**
 * Every model name the service answers to: the chat model (plain chat), `<chat model id>+<adapter>` for each
 * configured LoRA adapter, the embedding model, and one
 * `andes:<collection>` per collection (answers from it, with citations), collections in name order.
 */
export async function listServedModels({
  chatModel,
  embeddingModel,
  store,
  adapterNames = [],
}: ServedModelSources): Promise<ServedModel[]> {
  const models: ServedModel[] = [];
  if (chatModel) models.push({ id: chatModel.id, kind: 'chat' });
  if (chatModel) for (const name of adapterNames) models.push({ id: adapterModelId(chatModel.id, name), kind: 'chat' });
  if (embeddingModel) models.push({ id: embeddingModel.id, kind: 'embedding' });
  const collections = (await store.listCollections()).map((info) => info.name).sort();
  for (const collection of collections)
    models.push({ id: collectionModelId(collection), kind: 'collection', collection });
  return models;
}
