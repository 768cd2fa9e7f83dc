import { describe, expect, it } from 'vitest';
import { embeddingPrefixesFor } from './embedding-prefixes.js';

describe('embeddingPrefixesFor', () => {
  it('chooses nomic-embed prefixes by name or architecture', () => {
    const nomic = { query: 'search_query: ', document: 'search_document: ' };
    expect(embeddingPrefixesFor({ fileName: 'nomic-embed-text-v1.5.Q8_0.gguf' })).toEqual(nomic);
    expect(embeddingPrefixesFor({ fileName: 'model.gguf', architecture: 'nomic-bert' })).toEqual(nomic);
  });

  it('gives BGE a query instruction and no document prefix, except bge-m3', () => {
    expect(embeddingPrefixesFor({ fileName: 'bge-small-en-v1.5-f16.gguf' })).toEqual({
      query: 'Represent this sentence for searching relevant passages: ',
      document: '',
    });
    expect(embeddingPrefixesFor({ fileName: 'bge-m3-Q4_K_M.gguf' })).toEqual({ query: '', document: '' });
  });

  it('chooses E5 prefixes from the general.name too', () => {
    expect(embeddingPrefixesFor({ fileName: 'model.gguf', modelName: 'multilingual-e5-large' })).toEqual({
      query: 'query: ',
      document: 'passage: ',
    });
  });

  it('adds nothing for other models', () => {
    expect(embeddingPrefixesFor({ fileName: 'andes-tiny-llama3-embedding.gguf', architecture: 'llama' })).toEqual({
      query: '',
      document: '',
    });
    expect(embeddingPrefixesFor({ fileName: 'sentence-e5x.gguf' })).toEqual({ query: '', document: '' });
  });
});
