import type { ChatMessage, Hit } from '@andes-rag/core';
import { searchCollections, type HybridRetriever, type QueryRewrite } from '@andes-rag/retrieval';
import type { CollectionQuestion } from './answer-from-collection.js';

/** The sources an answer may use and the relevance verdict. */
export interface AnswerSearch {
  hits: Hit[];
  covered: boolean;
  /** The rewrite searched with, when a rewriter is configured. */
  rewrite?: QueryRewrite;
}

/**
 * Retrieval for the answer pipeline: the question's `collection`, or, when `collections` is given (an assistant's),
 * all of them merged into one ranking whose hits name their collection (see `searchCollections` in
 * `@andes-rag/retrieval`). The filter applies inside every collection's search.
 */
export async function searchForAnswer(
  retriever: HybridRetriever,
  request: CollectionQuestion,
  history: readonly ChatMessage[],
): Promise<AnswerSearch> {
  const options = {
    k: request.k,
    signal: request.signal,
    ...(request.filter ? { filter: request.filter } : {}),
    ...(history.length > 0 ? { history } : {}),
  };
  if (request.collections === undefined) {
    const { hits, covered, trace } = await retriever.explain(request.collection, request.question, options);
    return { hits, covered, ...(trace.rewrite ? { rewrite: trace.rewrite } : {}) };
  }
  const { hits, covered, rewrite } = await searchCollections(retriever, request.collections, request.question, options);
  return { hits, covered, ...(rewrite ? { rewrite } : {}) };
}
