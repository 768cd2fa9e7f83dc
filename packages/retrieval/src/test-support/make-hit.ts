import type { Hit } from '@andes-rag/core';

/** A hit for unit tests; fields not given are derived from the chunk id. */
export function makeHit(chunkId: string, text: string, fields: Partial<Hit> = {}): Hit {
  return {
    chunkId,
    documentId: `document-${chunkId}`,
    source: `docs/${chunkId}.md`,
    title: `Title ${chunkId}`,
    headingPath: [],
    text,
    score: 1,
    startOffset: 0,
    endOffset: text.length,
    ...fields,
  };
}

/** Counts whitespace-separated words: a stand-in tokenizer for prompt-budget tests. */
export function countWordsAsTokens(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}
