import {
  AndesError,
  accessAllows,
  hasRole,
  mayUseCollection,
  principalsOf,
  type Caller,
  type CollectionInfo,
  type DocumentRecord,
} from '@andes-rag/core';
import type { AndesService, AskRequest, IngestInput, SearchRequest } from '../andes-service.js';
import type { ChatRequest } from '../chat/chat-request.js';
import { documentNotFound } from '../documents/document-not-found.js';
import { collectionOfModel } from '../served-models/served-model.js';
import { unknownModelError } from '../served-models/unknown-model-error.js';
import { withCallerPrincipals } from './caller-filter.js';
import { collectionNotFoundError } from './collection-not-found.js';

/** Methods any caller may use as they are: they reveal no collection content. */
const unscoped = new Set<PropertyKey>(['readiness', 'embed', 'apiKeys']);

/** Any service method; anything neither overridden below nor in {@link unscoped} is for admins only. */
type Method = (...parameters: never[]) => unknown;

/**
 * The service as one caller may use it. Collections outside the caller's key answer exactly like missing ones;
 * documents whose access list the caller's principals do not meet are left out of listings and counts, and every
 * search, answer and chat carries the caller's principals in its `ChunkFilter`, which the store applies inside
 * BM25 and vector search before ranking. Editors may also ingest and delete documents, and rename and delete whole
 * collections; only admins manage assistants and reach any method this wrapper does not know (it fails closed).
 * Conversation methods get the caller as owner.
 */
export function callerScopedService(service: AndesService, caller: Caller): AndesService {
  const scope = new CallerScope(service, caller);
  const overrides = scope.methods();
  return new Proxy(service, {
    get(target, property, receiver) {
      const override = overrides[property as string];
      if (override !== undefined) return override;
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (unscoped.has(property) || caller.role === 'admin') return (value as Method).bind(target);
      return () => Promise.reject(scope.forbidden());
    },
  });
}

class CallerScope {
  private readonly principals: string[] | undefined;

  constructor(
    private readonly service: AndesService,
    private readonly caller: Caller,
  ) {
    this.principals = principalsOf(caller);
  }

  forbidden(): AndesError {
    return new AndesError('forbidden', `A ${this.caller.role} key may not do this.`);
  }

  /** The overriding implementations, by method name. */
  methods(): Record<string, Method | undefined> {
    const service = this.service;
    const owner = this.caller.keyId ?? 'local';
    const conversationCaller = <T extends object>(request: T & { filter?: SearchRequest['filter'] }) => {
      const filter = withCallerPrincipals(request.filter, this.caller);
      return { ...request, owner, ...(filter === undefined ? {} : { filter }) };
    };
    const callerOnly = { owner, ...this.filterField(undefined) };
    const methods: Record<string, Method | undefined> = {
      listCollections: () => this.listCollections(),
      ingest: async (collection: string, inputs: IngestInput[], options?: Parameters<AndesService['ingest']>[2]) => {
        this.requireCollection(collection);
        this.requireRole('editor');
        return service.ingest(collection, inputs, options);
      },
      listDocuments: async (collection: string) => this.readableDocuments(collection),
      renameCollection: async (name: string, newName: string) => {
        this.requireCollection(name);
        this.requireRole('editor');
        return service.renameCollection(name, newName);
      },
      deleteCollection: async (name: string) => {
        this.requireCollection(name);
        this.requireRole('editor');
        return service.deleteCollection(name);
      },
      getDocumentText: async (collection: string, documentId: string) => {
        const documents = await this.readableDocuments(collection);
        if (!documents.some((document) => document.id === documentId)) throw documentNotFound(collection, documentId);
        return service.getDocumentText(collection, documentId);
      },
      deleteDocument: async (collection: string, documentId: string) => {
        this.requireCollection(collection);
        this.requireRole('editor');
        const documents = await this.readableDocuments(collection);
        if (!documents.some((document) => document.id === documentId)) return false;
        return service.deleteDocument(collection, documentId);
      },
      search: async (request: SearchRequest) => service.search(this.scopedSearch(request)),
      explainSearch: async (request: SearchRequest) => service.explainSearch(this.scopedSearch(request)),
      ask: async (request: AskRequest) => {
        if (request.assistant === undefined) this.requireCollection(request.collection);
        else await this.requireAssistant(request.assistant, request.assistantVersion);
        return service.ask({ ...request, ...this.filterField(request.filter) });
      },
      chat: async (request: ChatRequest) => {
        await this.requireModel(request.model);
        return service.chat({ ...request, ...this.filterField(request.filter) });
      },
      models: async () => {
        const models = await service.models();
        const visible = await Promise.all(
          models.map((model) => this.modelVisible(model.id, model.collection, model.assistant)),
        );
        return models.filter((_model, position) => visible[position]);
      },
      listAssistants: async () => {
        const assistants = await service.listAssistants();
        return assistants.filter((assistant) => this.collectionsVisible(assistant.live.collections));
      },
      getAssistant: async (name: string) => {
        await this.requireAssistant(name);
        return service.getAssistant(name);
      },
      listAssistantVersions: async (name: string) => {
        await this.requireAssistant(name);
        const versions = await service.listAssistantVersions(name);
        return versions.filter((version) => this.collectionsVisible(version.collections));
      },
      createConversation: async (request: Parameters<AndesService['createConversation']>[0]) => {
        if (request.assistant !== undefined) await this.requireAssistant(request.assistant);
        if (request.collection !== undefined) this.requireCollection(request.collection);
        return service.createConversation(conversationCaller(request));
      },
      listConversations: async () => service.listConversations(callerOnly),
      getConversation: async (id: string) => service.getConversation(id, callerOnly),
      deleteConversation: async (id: string) => service.deleteConversation(id, callerOnly),
      sendMessage: async (request: Parameters<AndesService['sendMessage']>[0]) => {
        // The live version answers each message: it may have gained a collection since the conversation began.
        const { assistant } = await service.getConversation(request.conversationId, callerOnly);
        if (assistant !== undefined) await this.requireAssistant(assistant);
        return service.sendMessage(conversationCaller(request));
      },
      rateMessage: async (request: Parameters<AndesService['rateMessage']>[0]) =>
        service.rateMessage(conversationCaller(request)),
    };
    return methods;
  }

  private filterField(filter: SearchRequest['filter']): { filter?: NonNullable<SearchRequest['filter']> } {
    const scoped = withCallerPrincipals(filter, this.caller);
    return scoped === undefined ? {} : { filter: scoped };
  }

  private scopedSearch(request: SearchRequest): SearchRequest {
    this.requireCollection(request.collection);
    return { ...request, ...this.filterField(request.filter) };
  }

  private requireRole(role: 'editor' | 'admin'): void {
    if (!hasRole(this.caller, role)) throw this.forbidden();
  }

  private requireCollection(collection: string): void {
    if (!mayUseCollection(this.caller, collection)) throw collectionNotFoundError(collection);
  }

  private collectionsVisible(collections: readonly string[]): boolean {
    return collections.every((collection) => mayUseCollection(this.caller, collection));
  }

  /**
   * Throws the service's own `not_found` for an assistant whose version that would answer (the live one, or the
   * pinned `version`) reads a collection the caller may not see: permissions follow the version that answers.
   */
  private async requireAssistant(name: string, version?: number): Promise<void> {
    const assistant = await this.service.getAssistant(name);
    if (version === undefined) {
      if (this.collectionsVisible(assistant.live.collections)) return;
      // Word for word the assistant store's own error for a missing assistant.
      throw new AndesError('not_found', `The assistant "${name}" does not exist.`, { details: { name } });
    }
    const pinned = (await this.service.listAssistantVersions(name)).find((found) => found.version === version);
    if (pinned === undefined || !this.collectionsVisible(pinned.collections)) {
      // Word for word the registry's error for a missing version.
      throw new AndesError('not_found', `The assistant "${name}" has no version ${version}.`, {
        details: { name, version },
      });
    }
  }

  private async modelVisible(
    id: string,
    collection: string | undefined,
    assistant: string | undefined,
  ): Promise<boolean> {
    if (collection !== undefined) return mayUseCollection(this.caller, collection);
    if (assistant === undefined) return true;
    try {
      await this.requireAssistant(assistant);
      return true;
    } catch {
      return false;
    }
  }

  private async requireModel(model: string): Promise<void> {
    const collection = collectionOfModel(model);
    if (collection !== undefined) {
      // As the runtime answers `andes:<missing collection>`.
      if (!mayUseCollection(this.caller, collection)) throw collectionNotFoundError(collection);
      return;
    }
    const served = (await this.service.models()).find((candidate) => candidate.id === model);
    if (served?.assistant !== undefined && !(await this.modelVisible(model, undefined, served.assistant)))
      throw unknownModelError(model);
  }

  private async readableDocuments(collection: string): Promise<DocumentRecord[]> {
    this.requireCollection(collection);
    const documents = await this.service.listDocuments(collection);
    return documents.filter((document) => accessAllows(document.access, this.principals));
  }

  private async listCollections(): Promise<CollectionInfo[]> {
    const collections = (await this.service.listCollections()).filter((info) =>
      mayUseCollection(this.caller, info.name),
    );
    if (this.principals === undefined) return collections;
    return Promise.all(
      collections.map(async (info) => {
        const all = await this.service.listDocuments(info.name);
        const readable = all.filter((document) => accessAllows(document.access, this.principals));
        if (readable.length === all.length) return info;
        const chunkCount = readable.reduce((sum, document) => sum + document.chunkCount, 0);
        return { ...info, documentCount: readable.length, chunkCount };
      }),
    );
  }
}
