import {
  AndesError,
  type Answer,
  type AssistantVersion,
  type ChatMessage,
  type ChunkFilter,
  type KnowledgeStore,
  type Logger,
} from '@andes-rag/core';
import type { HybridRetriever } from '@andes-rag/retrieval';
import type { AndesConfig } from '../config/andes-config.js';
import { answerFromCollection, type CollectionQuestion } from '../service/answer-from-collection.js';
import { configuredRetriever } from '../service/configured-retriever.js';
import type { OpenedModels } from '../service/open-models.js';
import type { DocumentLookup } from '../service/with-document-warnings.js';
import { targetCollection, targetCollections, type AnswerTarget } from './answer-target.js';
import { mergeChunkFilters } from './merge-chunk-filters.js';
import { promptRecordingChatModel, type PromptRecord } from './prompt-recording-chat-model.js';

/** What {@link answerForTarget} composes. */
export interface TargetAnswerParts {
  config: AndesConfig;
  models: OpenedModels;
  store: KnowledgeStore;
  logger: Logger;
  documents: DocumentLookup;
  /** The retriever the configuration describes, used unless an assistant changes reranking or the threshold. */
  retriever: HybridRetriever;
}

/** A question for {@link answerForTarget}: the pipeline's question without the parts the target decides. */
export interface TargetQuestion extends Omit<CollectionQuestion, 'collection' | 'k'> {
  /** Sources to retrieve. Default: the assistant's `retrieval.k`, else `config.answerSources`. */
  k?: number;
  /** Most answer tokens the caller allows. Default and cap: `config.maxAnswerTokens` (an assistant's is also a cap). */
  maxAnswerTokens?: number;
}

/** An answer, and the prompt messages the model saw when a model wrote it. */
export interface TargetAnswer {
  answer: Answer;
  /** Absent for extractive and "not covered" answers. */
  prompt?: ChatMessage[];
}

/**
 * Answers through the one pipeline ({@link answerFromCollection}) for a collection or an assistant version. An
 * assistant adds its system prompt after Andes's answering instructions, retrieves from all its collections as one
 * ranking (citations name their collection) with its `k`, filter (merged
 * with the caller's `filter`, never looser), reranking choice and threshold, and generates with its settings
 * (they win over the request's), JSON schema and LoRA adapter; the answer records `assistant: {name, version}`.
 *
 * @throws AndesError `invalid_request` when the assistant's adapter is not configured, and whatever the pipeline throws.
 */
export async function answerForTarget(
  parts: TargetAnswerParts,
  target: AnswerTarget,
  request: TargetQuestion,
): Promise<TargetAnswer> {
  const { config, models } = parts;
  const assistant = target.assistant;
  const record: PromptRecord = {};
  const cap = Math.min(request.maxAnswerTokens ?? config.maxAnswerTokens, config.maxAnswerTokens);
  const maxAnswerTokens = Math.min(assistant?.generation.maxTokens ?? cap, cap);
  const filter = mergeChunkFilters(assistant?.retrieval.filter, request.filter);
  const instructions = [...(assistant?.systemPrompt ? [assistant.systemPrompt] : []), ...(request.instructions ?? [])];
  const generation = { ...request.generation, ...(assistant ? assistantGeneration(assistant, config) : {}) };
  const { maxAnswerTokens: _cap, k, ...question } = request;
  const collections = targetCollections(target);
  const answer = await answerFromCollection(
    {
      retriever: assistant ? assistantRetriever(parts, assistant) : parts.retriever,
      chatModel: models.chatModel ? promptRecordingChatModel(models.chatModel, record) : undefined,
      maxAnswerTokens,
      documents: parts.documents,
    },
    {
      ...question,
      collection: targetCollection(target),
      ...(collections === undefined ? {} : { collections }),
      k: k ?? assistant?.retrieval.k ?? config.answerSources,
      instructions,
      generation,
      ...(filter ? { filter } : {}),
    } satisfies CollectionQuestion & { filter?: ChunkFilter },
  );
  const reference = assistant ? { assistant: { name: assistant.name, version: assistant.version } } : {};
  const prompt = record.messages;
  return { answer: { ...answer, ...reference }, ...(prompt ? { prompt } : {}) };
}

/** The retriever for an assistant: the configured one unless it turns reranking off or sets its own threshold. */
export function assistantRetriever(parts: TargetAnswerParts, assistant: AssistantVersion): HybridRetriever {
  const { rerank, threshold } = assistant.retrieval;
  const dropReranker = rerank === false && parts.models.reranker !== undefined;
  if (!dropReranker && threshold === undefined) return parts.retriever;
  const config: AndesConfig = {
    ...parts.config,
    ...(threshold?.minTermCoverage === undefined ? {} : { minTermCoverage: threshold.minTermCoverage }),
    ...(threshold?.minRerankScore === undefined ? {} : { minRerankScore: threshold.minRerankScore }),
  };
  const models: OpenedModels = dropReranker ? { ...parts.models, reranker: undefined } : parts.models;
  return configuredRetriever(config, models, parts.store, parts.logger);
}

/** An assistant's generation settings in the chat model's terms, with its LoRA adapter resolved by name. */
function assistantGeneration(
  assistant: AssistantVersion,
  config: AndesConfig,
): NonNullable<CollectionQuestion['generation']> {
  const { temperature, stop, seed } = assistant.generation;
  const adapterName = assistant.loraAdapter;
  const adapter =
    adapterName === undefined
      ? undefined
      : Object.hasOwn(config.loraAdapters, adapterName)
        ? config.loraAdapters[adapterName]
        : undefined;
  if (adapterName !== undefined && adapter === undefined) {
    throw new AndesError(
      'invalid_request',
      `The assistant "${assistant.name}" uses the LoRA adapter "${adapterName}", which this server does not configure.`,
      {
        details: { assistant: assistant.name, loraAdapter: adapterName },
      },
    );
  }
  return {
    ...(temperature === undefined ? {} : { temperature }),
    ...(stop === undefined ? {} : { stopSequences: stop }),
    ...(seed === undefined ? {} : { seed }),
    ...(assistant.jsonSchema === undefined ? {} : { jsonSchema: assistant.jsonSchema }),
    ...(adapter === undefined
      ? {}
      : { lora: adapter.scale === undefined ? { path: adapter.path } : { path: adapter.path, scale: adapter.scale } }),
  };
}
