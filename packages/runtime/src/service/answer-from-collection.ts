import type { Answer, ChatModel } from '@andes/core';
import { answerQuestion, type HybridRetriever } from '@andes/retrieval';
import type { AskRequest } from '../andes-service.js';

/** What {@link answerFromCollection} answers with. */
export interface CollectionAnswerer {
  retriever: HybridRetriever;
  /** Writes the answer; without one the answer is extractive. */
  chatModel: ChatModel | undefined;
  maxAnswerTokens: number;
}

/**
 * Retrieves and answers one question: the retriever rewrites a follow-up from `history` (with a chat model),
 * searches, and judges relevance; when no passage clears the relevance threshold the answer says the documents
 * do not cover the question, in both modes, instead of answering from noise. A rewritten question is what the
 * model answers, and is returned as `standaloneQuestion`.
 */
export async function answerFromCollection(
  answerer: CollectionAnswerer,
  request: AskRequest & { k: number; signal: AbortSignal },
): Promise<Answer> {
  const { retriever, chatModel, maxAnswerTokens } = answerer;
  const { hits, covered, trace } = await retriever.explain(request.collection, request.question, {
    k: request.k,
    signal: request.signal,
    ...(request.filter ? { filter: request.filter } : {}),
    ...(request.history ? { history: request.history } : {}),
  });
  const standaloneQuestion = trace.rewrite?.condensed ? trace.rewrite.query : undefined;
  const answer = await answerQuestion({
    question: standaloneQuestion ?? request.question,
    hits: covered ? hits : [],
    maxAnswerTokens,
    signal: request.signal,
    ...(chatModel ? { chatModel } : {}),
    ...(request.onTextChunk ? { onTextChunk: request.onTextChunk } : {}),
  });
  return standaloneQuestion === undefined ? answer : { ...answer, standaloneQuestion };
}
