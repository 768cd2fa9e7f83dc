import type {
  Answer,
  ChatMessage,
  ChatModel,
  ChunkFilter,
  Citation,
  GenerateOptions,
  Generation,
} from '@andes-rag/core';
import { answerQuestion, defaultAnswerSystemPrompt, type HybridRetriever } from '@andes-rag/retrieval';
import { conversationChatModel } from '../chat/conversation-chat-model.js';
import { trimHistory } from '../chat/trim-history.js';
import { searchForAnswer } from './search-for-answer.js';
import { withDocumentWarnings, type DocumentLookup } from './with-document-warnings.js';

/** What {@link answerFromCollection} answers with. */
export interface CollectionAnswerer {
  retriever: HybridRetriever;
  /** Writes the answer; without one the answer is extractive. */
  chatModel: ChatModel | undefined;
  /** Most tokens of a generated answer (already capped by the configuration). */
  maxAnswerTokens: number;
  /** Finds the retrieved chunks' documents, to mark those flagged at ingestion (hidden text) to the model. */
  documents: DocumentLookup;
}

/** One question to answer from a collection, from whichever entry point asked it. */
export interface CollectionQuestion {
  collection: string;
  /**
   * Search these collections instead of `collection` (an assistant's), merged into one ranking whose hits and
   * citations name their collection. Default: `collection` alone, hits unnamed.
   */
  collections?: readonly string[];
  /** The (validated) question. */
  question: string;
  /** How many sources to retrieve. */
  k: number;
  /** Applied inside retrieval, before ranking. Default: none. */
  filter?: ChunkFilter;
  /** Earlier turns, oldest first, without system messages. Condenses a follow-up and is kept in the prompt. */
  history?: readonly ChatMessage[];
  /** Instructions added after Andes's answering instructions (a chat request's system messages). Default none. */
  instructions?: readonly string[];
  /** Sampling, stop sequences, seed, JSON schema... for the answer. Default: the model's defaults. */
  generation?: Omit<GenerateOptions, 'signal' | 'onTextChunk' | 'maxTokens'>;
  signal: AbortSignal;
  /** Receives the answer text as it is generated (or once, for an extractive or "not covered" answer). */
  onTextChunk?: (text: string) => void;
  /**
   * Receives the sources after retrieval, before the first text chunk: every source the answer may cite, numbered
   * as it cites them; an empty list for a "not covered" answer. Default: none.
   */
  onCitations?: (citations: Citation[]) => void;
  /** Receives the generation's usage and finish reason when a model wrote the answer. */
  onGeneration?: (generation: Generation) => void;
}

/**
 * The one answer pipeline every entry point uses (`/api/ask`, `/v1/chat/completions` with `andes:<collection>`,
 * `andes ask`): the retriever condenses a follow-up with `history` (when a chat model is configured), searches
 * within `filter`, and judges relevance; when no passage clears the relevance threshold the answer says the
 * documents do not cover the question, in both modes, instead of answering from noise. Otherwise the model answers
 * the (condensed) question from the numbered sources, with the newest turns of the history that fit in half of the
 * context window kept in its prompt. A rewritten question is returned as `standaloneQuestion`.
 */
export async function answerFromCollection(answerer: CollectionAnswerer, request: CollectionQuestion): Promise<Answer> {
  const { retriever, chatModel, maxAnswerTokens } = answerer;
  const history = request.history ?? [];
  const { hits, covered, rewrite } = await searchForAnswer(retriever, request, history);
  const standaloneQuestion = rewrite?.condensed ? rewrite.query : undefined;
  const instructions = request.instructions ?? [];
  const answer = await answerQuestion({
    question: standaloneQuestion ?? request.question,
    hits: covered ? await withDocumentWarnings(hits, request.collection, answerer.documents) : [],
    maxAnswerTokens,
    signal: request.signal,
    ...(instructions.length > 0 ? { systemPrompt: [defaultAnswerSystemPrompt, ...instructions].join('\n\n') } : {}),
    ...(chatModel ? { chatModel: withConversation(chatModel, history, maxAnswerTokens, request) } : {}),
    ...(request.onTextChunk ? { onTextChunk: request.onTextChunk } : {}),
    ...(request.onCitations ? { onCitations: request.onCitations } : {}),
  });
  return standaloneQuestion === undefined ? answer : { ...answer, standaloneQuestion };
}

/** The chat model with the history that fits (at most half of what the answer leaves free) and the request's settings. */
function withConversation(
  chatModel: ChatModel,
  history: readonly ChatMessage[],
  maxAnswerTokens: number,
  request: Pick<CollectionQuestion, 'generation' | 'onGeneration'>,
): ChatModel {
  const budget = Math.max(0, Math.floor((chatModel.contextSize - maxAnswerTokens) / 2));
  return conversationChatModel(chatModel, {
    history: trimHistory(history, chatModel, budget),
    ...(request.generation ? { generation: request.generation } : {}),
    ...(request.onGeneration ? { onGeneration: request.onGeneration } : {}),
  });
}
