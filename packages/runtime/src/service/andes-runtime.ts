import {
  AndesError,
  type Answer,
  type AssistantDefinition,
  type AssistantRecord,
  type AssistantStore,
  type AssistantVersion,
  type CollectionInfo,
  type ConversationMessage,
  type ConversationRecord,
  type ConversationStore,
  type DocumentRecord,
  type Hit,
  type IntegrityReport,
  type Logger,
} from '@andes-rag/core';
import {
  searchCollections,
  type ExplainedSearch,
  type HybridRetriever,
  type ParserRegistry,
} from '@andes-rag/retrieval';
import type {
  AndesService,
  AskRequest,
  IngestInput,
  IngestProgress,
  IngestReport,
  Readiness,
  SearchRequest,
} from '../andes-service.js';
import type { ApiKeyStore } from '@andes-rag/core';
import type { AndesConfig } from '../config/andes-config.js';
import {
  answerForTarget,
  assistantRetriever,
  type TargetAnswer,
  type TargetQuestion,
} from '../assistants/answer-for-target.js';
import type { AnswerTarget } from '../assistants/answer-target.js';
import { assistantChat } from '../assistants/assistant-chat.js';
import { AssistantRegistry } from '../assistants/assistant-registry.js';
import type {
  ConversationCaller,
  ConversationTurn,
  ConversationWithMessages,
  CreateConversationRequest,
  ExportDatasetRequest,
  FineTuningExample,
  RateMessageRequest,
  SendMessageRequest,
} from '../conversations/conversation-requests.js';
import { ConversationService } from '../conversations/conversation-service.js';
import { chat } from '../chat/chat.js';
import type { ChatRequest, ChatResult } from '../chat/chat-request.js';
import type { EmbedRequest, EmbedResult } from '../embedding/embed-request.js';
import { embedTexts } from '../embedding/embed-texts.js';
import { documentNotFound } from '../documents/document-not-found.js';
import { documentTextFromChunks, type DocumentText } from '../documents/document-text.js';
import { createEvaluationAccess, type EvaluationAccess } from '../evaluation/evaluation-access.js';
import { maxResultCount } from '../limits/request-limits.js';
import { withDeadline } from '../limits/with-deadline.js';
import { reindexCollections } from '../maintenance/reindex-collections.js';
import type { MaintainedStore, ReindexOptions, ReindexReport } from '../maintenance/reindex-options.js';
import { adapterOfModel } from '../served-models/adapter-model.js';
import { listServedModels } from '../served-models/list-served-models.js';
import { collectionOfModel } from '../served-models/served-model.js';
import type { ServedModel } from '../served-models/served-model.js';
import { answerFromCollection, type CollectionAnswerer } from './answer-from-collection.js';
import { configuredRetriever } from './configured-retriever.js';
import { prepareCollectionChunking } from './collection-chunking.js';
import { ingestFiles } from './ingest-files.js';
import type { OpenedModels } from './open-models.js';
import { validateText } from './validate-text.js';

/** Most hits one search may ask for: the shared `maxResultCount` (kept under this name for existing importers). */
export const maxSearchHits = maxResultCount;

/** The parts {@link AndesRuntime} composes, all opened by `openAndes`. */
export interface AndesRuntimeParts {
  config: AndesConfig;
  store: MaintainedStore;
  models: OpenedModels;
  parsers: ParserRegistry;
  logger: Logger;
  /** Where API keys live (`openAndes` uses the store's database). Without one, `apiKeys()` gives undefined. */
  apiKeys?: ApiKeyStore;
  /** Where assistants live (`openAndes` uses the store's database). Without one, assistant methods fail. */
  assistants?: AssistantStore;
  /** Where conversations live (`openAndes` uses the store's database). Without one, conversation methods fail. */
  conversations?: ConversationStore;
}

/** The real {@link AndesService}: store, models, retriever and answerer composed. */
export class AndesRuntime implements AndesService {
  private readonly retriever: HybridRetriever;
  private readonly assistantRegistry: AssistantRegistry | undefined;
  private readonly conversationService: ConversationService | undefined;
  private closed = false;

  constructor(private readonly parts: AndesRuntimeParts) {
    const { config, store, models, logger } = parts;
    this.retriever = configuredRetriever(config, models, store, logger);
    this.assistantRegistry = parts.assistants && new AssistantRegistry(parts.assistants, config);
    this.conversationService =
      parts.conversations && this.assistantRegistry
        ? new ConversationService({
            conversations: parts.conversations,
            assistants: this.assistantRegistry,
            store,
            answer: (target, question) => this.answerTarget(target, question),
            maxQuestionChars: config.maxQuestionChars,
            requestTimeoutMs: config.requestTimeoutMs,
          })
        : undefined;
  }

  readiness(): Readiness {
    const { chatModel, embeddingModel } = this.parts.models;
    const health = this.parts.store.health?.() ?? { ok: true };
    return {
      ready: !this.closed && health.ok,
      store: !this.closed && health.ok,
      ...(health.ok ? {} : { storeProblem: { code: health.code, message: health.message } }),
      chatModel: chatModel?.id ?? null,
      embeddingModel: embeddingModel?.id ?? null,
      rerankModel: this.parts.models.reranker?.id ?? null,
    };
  }

  listCollections(): Promise<CollectionInfo[]> {
    return this.parts.store.listCollections();
  }

  async ingest(
    collection: string,
    inputs: IngestInput[],
    options: { onProgress?: (progress: IngestProgress) => void; signal?: AbortSignal; chunkSize?: number } = {},
  ): Promise<IngestReport> {
    if (inputs.length === 0) throw new AndesError('invalid_request', 'No files to ingest.');
    const { store, models, parsers, logger } = this.parts;
    const { chunkSize, ...progress } = options;
    const chunkOptions = await prepareCollectionChunking(store, collection, chunkSize);
    const files = await ingestFiles({
      store,
      embeddingModel: models.embeddingModel,
      parsers,
      logger,
      collection,
      inputs,
      chunkOptions,
      ...progress,
    });
    return { collection, files };
  }

  async listDocuments(collection: string): Promise<DocumentRecord[]> {
    await this.requireCollection(collection);
    return this.parts.store.listDocuments(collection);
  }

  async renameCollection(name: string, newName: string): Promise<CollectionInfo> {
    const { store } = this.parts;
    if (store.renameCollection === undefined) {
      throw new AndesError('invalid_request', 'This store cannot rename collections.');
    }
    await this.requireCollection(name);
    return store.renameCollection(name, newName);
  }

  async deleteCollection(name: string): Promise<void> {
    await this.requireCollection(name);
    await this.parts.store.deleteCollection(name);
  }

  async getDocumentText(collection: string, documentId: string): Promise<DocumentText> {
    const { store } = this.parts;
    await this.requireCollection(collection);
    if (store.listDocumentChunks === undefined) {
      throw new AndesError('invalid_request', 'This store cannot serve document text.');
    }
    const document = await store.getDocument(collection, documentId);
    if (document === undefined) throw documentNotFound(collection, documentId);
    return documentTextFromChunks(document, await store.listDocumentChunks(collection, documentId));
  }

  async deleteDocument(collection: string, documentId: string): Promise<boolean> {
    await this.requireCollection(collection);
    return this.parts.store.deleteDocument(collection, documentId);
  }

  async search(request: SearchRequest): Promise<Hit[]> {
    return (await this.explainSearch(request)).hits;
  }

  /** Like {@link search}, with each retrieval stage's ranks and scores. */
  explainSearch(request: SearchRequest): Promise<ExplainedSearch> {
    const query = validateText('query', request.query, this.parts.config.maxQuestionChars);
    const k = request.k ?? 10;
    if (!Number.isInteger(k) || k < 1 || k > maxSearchHits) {
      throw new AndesError('invalid_request', `k must be a whole number from 1 to ${maxSearchHits}`);
    }
    return this.retriever.explain(request.collection, query, {
      k,
      ...(request.filter ? { filter: request.filter } : {}),
    });
  }

  async ask(request: AskRequest): Promise<Answer> {
    const { config } = this.parts;
    const question = validateText('question', request.question, config.maxQuestionChars);
    if (request.assistant !== undefined) {
      const { collection: _collection, assistant: name, assistantVersion, ...rest } = request;
      const assistant = await this.assistants().resolve(name, assistantVersion);
      return withDeadline(config.requestTimeoutMs, request.signal, async (signal) => {
        const { answer } = await this.answerTarget({ assistant }, { ...rest, question, signal });
        return answer;
      });
    }
    const k = request.k ?? config.answerSources;
    return withDeadline(config.requestTimeoutMs, request.signal, (signal) =>
      answerFromCollection(this.answerer(config.maxAnswerTokens), {
        ...request,
        question,
        k,
        signal,
      }),
    );
  }

  async chat(request: ChatRequest): Promise<ChatResult> {
    const { config, models } = this.parts;
    const assistant = await this.assistantOfModel(request.model);
    if (assistant !== undefined) {
      return assistantChat({ config, answer: (question) => this.answerTarget({ assistant }, question) }, request);
    }
    return chat(
      { config, chatModel: models.chatModel, answerer: (maxAnswerTokens) => this.answerer(maxAnswerTokens) },
      request,
    );
  }

  /**
   * The assistant a chat model name means: any name that is not `andes:<collection>`, the chat model's id or one of
   * its adapters (those win), and names an assistant.
   */
  private async assistantOfModel(model: string): Promise<AssistantVersion | undefined> {
    const { models, config } = this.parts;
    if (this.assistantRegistry === undefined || collectionOfModel(model) !== undefined) return undefined;
    const chatModelId = models.chatModel?.id;
    if (chatModelId !== undefined && (model === chatModelId || adapterOfModel(model, chatModelId, config.loraAdapters)))
      return undefined;
    return this.assistantRegistry.find(model);
  }

  /** The one answer pipeline for a collection or an assistant version, with the prompt the model saw. */
  private answerTarget(target: AnswerTarget, question: TargetQuestion): Promise<TargetAnswer> {
    const { config, models, store, logger } = this.parts;
    const documents = (collection: string, documentId: string) => store.getDocument(collection, documentId);
    return answerForTarget({ config, models, store, logger, documents, retriever: this.retriever }, target, question);
  }

  createAssistant(name: string, definition: AssistantDefinition): Promise<AssistantRecord> {
    return this.assistants().create(name, definition);
  }

  updateAssistant(name: string, definition: AssistantDefinition): Promise<AssistantVersion> {
    return this.assistants().update(name, definition);
  }

  listAssistants(): Promise<AssistantRecord[]> {
    return this.assistants().list();
  }

  getAssistant(name: string): Promise<AssistantRecord> {
    return this.assistants().get(name);
  }

  listAssistantVersions(name: string): Promise<AssistantVersion[]> {
    return this.assistants().versions(name);
  }

  releaseAssistant(name: string, version: number): Promise<AssistantRecord> {
    return this.assistants().release(name, version);
  }

  deleteAssistant(name: string): Promise<void> {
    return this.assistants().delete(name);
  }

  /**
   * Searches as an assistant version retrieves for its answers (all its collections as one ranking, its filter,
   * reranking choice and threshold), returning the best `k` chunks: what `andes eval --assistant` measures.
   */
  async searchAsAssistant(assistant: AssistantVersion, query: string, k: number): Promise<Hit[]> {
    const { config, models, store, logger } = this.parts;
    const validated = validateText('query', query, config.maxQuestionChars);
    const documents = (collection: string, documentId: string) => store.getDocument(collection, documentId);
    const retriever = assistantRetriever(
      { config, models, store, logger, documents, retriever: this.retriever },
      assistant,
    );
    const filter = assistant.retrieval.filter;
    const search = await searchCollections(retriever, assistant.collections, validated, {
      k,
      includeUncovered: true,
      ...(filter ? { filter } : {}),
    });
    return search.hits;
  }

  /** The live version of an assistant, or the given one (for `andes eval --assistant`). */
  resolveAssistant(name: string, version?: number): Promise<AssistantVersion> {
    return this.assistants().resolve(name, version);
  }

  createConversation(request: CreateConversationRequest): Promise<ConversationRecord> {
    return this.conversations().create(request);
  }

  listConversations(caller: ConversationCaller = {}): Promise<ConversationRecord[]> {
    return this.conversations().list(caller.owner);
  }

  getConversation(id: string, caller: ConversationCaller = {}): Promise<ConversationWithMessages> {
    return this.conversations().get(id, caller.owner);
  }

  deleteConversation(id: string, caller: ConversationCaller = {}): Promise<void> {
    return this.conversations().delete(id, caller.owner);
  }

  sendMessage(request: SendMessageRequest): Promise<ConversationTurn> {
    return this.conversations().send(request);
  }

  rateMessage(request: RateMessageRequest): Promise<ConversationMessage> {
    return this.conversations().rate(request);
  }

  /** Rated answers of an assistant as fine-tuning examples (`andes export-dataset`); see `conversation-service.ts`. */
  exportDataset(request: ExportDatasetRequest): Promise<FineTuningExample[]> {
    return this.conversations().exportDataset(request);
  }

  private assistants(): AssistantRegistry {
    if (this.assistantRegistry === undefined)
      throw new AndesError('internal_error', 'This runtime was opened without an assistant store.');
    return this.assistantRegistry;
  }

  private conversations(): ConversationService {
    if (this.conversationService === undefined) {
      throw new AndesError('internal_error', 'This runtime was opened without a conversation store.');
    }
    return this.conversationService;
  }

  /** The one answer pipeline's parts (see `answer-from-collection.ts`), with answers capped at `maxAnswerTokens`. */
  private answerer(maxAnswerTokens: number): CollectionAnswerer {
    const { store, models } = this.parts;
    return {
      retriever: this.retriever,
      chatModel: models.chatModel,
      maxAnswerTokens,
      documents: (collection, documentId) => store.getDocument(collection, documentId),
    };
  }

  embed(request: EmbedRequest): Promise<EmbedResult> {
    return embedTexts(
      { embeddingModel: this.parts.models.embeddingModel, timeoutMs: this.parts.config.requestTimeoutMs },
      request,
    );
  }

  /** Store, models and retriever variants for the evaluator (`andes eval`); see `evaluation/evaluation-access.ts`. */
  evaluationAccess(): EvaluationAccess {
    const { store, models, parsers, logger } = this.parts;
    const { chatModel, embeddingModel, reranker } = models;
    return createEvaluationAccess({ store, chatModel, embeddingModel, reranker, parsers, logger });
  }

  async models(): Promise<ServedModel[]> {
    const { store, models, config } = this.parts;
    const adapterNames = Object.keys(config.loraAdapters);
    const assistants = this.assistantRegistry ? await this.assistantRegistry.list() : [];
    const served = await listServedModels({
      store,
      chatModel: models.chatModel,
      embeddingModel: models.embeddingModel,
      adapterNames,
    });
    const taken = new Set(served.map((model) => model.id));
    const named = assistants.filter((assistant) => !taken.has(assistant.name));
    return [
      ...served,
      ...named.map((assistant) => ({ id: assistant.name, kind: 'assistant' as const, assistant: assistant.name })),
    ];
  }

  /**
   * Rebuilds every index from the database (`andes reindex`); with an embedding model configured, first embeds the
   * chunks that have no vector from it (documents stored before it was configured, or with another model).
   */
  reindex(options: ReindexOptions = {}): Promise<ReindexReport> {
    const { store, models, logger } = this.parts;
    return reindexCollections({ store, embeddingModel: models.embeddingModel, logger }, options);
  }

  /** Checks that no chunk, lexical row or vector points at a missing record, and the reverse. */
  verifyIntegrity(): Promise<IntegrityReport> {
    return this.parts.store.verifyIntegrity();
  }

  /** The API key store, for the server's key authentication and `/api/keys`. */
  async apiKeys(): Promise<ApiKeyStore | undefined> {
    return this.parts.apiKeys;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.parts.parsers.close();
    await this.parts.models.dispose();
    await this.parts.store.close();
  }

  private async requireCollection(collection: string): Promise<void> {
    const info = await this.parts.store.getCollection(collection);
    if (!info)
      throw new AndesError('collection_not_found', `Collection "${collection}" does not exist.`, {
        details: { collection },
      });
  }
}
