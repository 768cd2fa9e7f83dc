/** Text put before queries and documents, as some embedding models were trained to expect. */
export interface EmbeddingPrefixes {
  /** Before every search query. */
  query: string;
  /** Before every indexed passage. */
  document: string;
}

/** What is known of a model for choosing its prefixes. */
export interface EmbeddingModelIdentity {
  /** The GGUF file's name, e.g. `nomic-embed-text-v1.5.Q8_0.gguf`. */
  fileName: string;
  /** `general.name` from the file, when set. */
  modelName?: string | undefined;
  /** `general.architecture`, e.g. `nomic-bert`. */
  architecture?: string | undefined;
}

const noPrefixes: EmbeddingPrefixes = { query: '', document: '' };

/**
 * The prefixes a known embedding model family expects, from its file name, name or architecture:
 * nomic-embed `search_query: ` / `search_document: `; BGE (English v1.5 style) a query instruction and no
 * document prefix; E5 `query: ` / `passage: `. Any other model gets none.
 */
export function embeddingPrefixesFor(identity: EmbeddingModelIdentity): EmbeddingPrefixes {
  const names = [identity.fileName, identity.modelName ?? ''].map((name) => name.toLowerCase());
  const mentions = (pattern: RegExp) => names.some((name) => pattern.test(name));
  if (identity.architecture === 'nomic-bert' || mentions(/nomic-embed/)) {
    return { query: 'search_query: ', document: 'search_document: ' };
  }
  if (mentions(/(^|[^a-z0-9])bge-m3/)) return noPrefixes;
  if (mentions(/(^|[^a-z0-9])bge([^a-z0-9]|$)/)) {
    return { query: 'Represent this sentence for searching relevant passages: ', document: '' };
  }
  if (mentions(/(^|[^a-z0-9])e5([^a-z0-9]|$)/) && !mentions(/e5-mistral/))
    return { query: 'query: ', document: 'passage: ' };
  return noPrefixes;
}
