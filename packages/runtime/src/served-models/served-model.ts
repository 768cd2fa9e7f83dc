/** What a served model does: chat, embed, or answer from a collection. */
export type ServedModelKind = 'chat' | 'embedding' | 'collection' | 'assistant';

/** A model name the service accepts in chat and embedding requests. */
export interface ServedModel {
  /** The name to send: a model file's id, or `andes:<collection>`. */
  id: string;
  kind: ServedModelKind;
  /** For `collection` models: the collection answers come from. */
  collection?: string;
  /** For `assistant` models: the assistant that answers (its live version). */
  assistant?: string;
  /** For `chat` models of an inference-only server: the context window per request, in tokens. */
  contextSize?: number;
}

/** Prefix of the model names that answer from a collection: `andes:handbook` answers from `handbook`. */
export const collectionModelPrefix = 'andes:';

/** The served model name for a collection: `andes:<collection>`. */
export function collectionModelId(collection: string): string {
  return `${collectionModelPrefix}${collection}`;
}

/** The collection a model name answers from, or undefined for a name without the `andes:` prefix. */
export function collectionOfModel(model: string): string | undefined {
  if (!model.startsWith(collectionModelPrefix)) return undefined;
  const collection = model.slice(collectionModelPrefix.length).trim();
  return collection === '' ? undefined : collection;
}
