import { AndesError, type Answer, type CollectionInfo, type DocumentRecord, type Hit, type KnowledgeStore, type Logger } from '@andes/core';
import { answerQuestion, HybridRetriever, type ExplainedSearch, type ParserRegistry } from '@andes/retrieval';
import type {
  AndesService,
  AskRequest,
  IngestInput,
  IngestProgress,
  IngestReport,
  Readiness,
  SearchRequest,
} from '../andes-service.js';
import type { AndesConfig } from '../config/andes-config.js';
import { ingestFiles } from './ingest-files.js';
import type { OpenedModels } from './open-models.js';
import { validateText } from './validate-text.js';

/** Most hits one search may ask for. */
export const maxSearchHits = 100;

/** The parts {@link AndesRuntime} composes, all opened by `openAndes`. */
export interface AndesRuntimeParts {
  config: AndesConfig;
  store: KnowledgeStore;
  models: OpenedModels;
  parsers: ParserRegistry;
  logger: Logger;
}

/** The real {@link AndesService}: store, models, retriever and answerer composed. */
export class AndesRuntime implements AndesService {
  private readonly retriever: HybridRetriever;
  private closed = false;

  constructor(private readonly parts: AndesRuntimeParts) {
    const { store, models, logger } = parts;
    this.retriever = new HybridRetriever({
      store,
      logger,
      ...(models.embeddingModel ? { embeddingModel: models.embeddingModel } : {}),
    });
  }

  readiness(): Readiness {
    const { chatModel, embeddingModel } = this.parts.models;
    return {
      ready: !this.closed,
      store: !this.closed,
      chatModel: chatModel?.id ?? null,
      embeddingModel: embeddingModel?.id ?? null,
    };
  }

  listCollections(): Promise<CollectionInfo[]> {
    return this.parts.store.listCollections();
  }

  async ingest(
    collection: string,
    inputs: IngestInput[],
    options: { onProgress?: (progress: IngestProgress) => void; signal?: AbortSignal } = {},
  ): Promise<IngestReport> {
    if (inputs.length === 0) throw new AndesError('invalid_request', 'No files to ingest.');
    const { store, models, parsers, logger } = this.parts;
    await store.ensureCollection(collection);
    const files = await ingestFiles({
      store,
      embeddingModel: models.embeddingModel,
      parsers,
      logger,
      collection,
      inputs,
      ...options,
    });
    return { collection, files };
  }

  async listDocuments(collection: string): Promise<DocumentRecord[]> {
    await this.requireCollection(collection);
    return this.parts.store.listDocuments(collection);
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
    return this.retriever.explain(request.collection, query, { k, ...(request.filter ? { filter: request.filter } : {}) });
  }

  async ask(request: AskRequest): Promise<Answer> {
    const { config, models } = this.parts;
    const question = validateText('question', request.question, config.maxQuestionChars);
    const k = request.k ?? config.answerSources;
    const hits = await this.retriever.search(request.collection, question, {
      k,
      ...(request.filter ? { filter: request.filter } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    return answerQuestion({
      question,
      hits,
      maxAnswerTokens: config.maxAnswerTokens,
      ...(models.chatModel ? { chatModel: models.chatModel } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
      ...(request.onTextChunk ? { onTextChunk: request.onTextChunk } : {}),
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.parts.models.dispose();
    await this.parts.store.close();
  }

  private async requireCollection(collection: string): Promise<void> {
    const info = await this.parts.store.getCollection(collection);
    if (!info) throw new AndesError('collection_not_found', `Collection "${collection}" does not exist.`, { details: { collection } });
  }
}
