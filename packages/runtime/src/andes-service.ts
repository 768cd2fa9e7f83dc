import type {
  Answer,
  AssistantDefinition,
  AssistantRecord,
  AssistantVersion,
  ChatMessage,
  ChunkFilter,
  Citation,
  CollectionInfo,
  ConversationMessage,
  ConversationRecord,
  DocumentRecord,
  Hit,
} from '@andes-rag/core';
import type { ApiKeyStore } from '@andes-rag/core';
import type { ExplainedSearch } from '@andes-rag/retrieval';
import type { ChatRequest, ChatResult } from './chat/chat-request.js';
import type {
  ConversationCaller,
  ConversationTurn,
  ConversationWithMessages,
  CreateConversationRequest,
  RateMessageRequest,
  SendMessageRequest,
} from './conversations/conversation-requests.js';
import type { EmbedRequest, EmbedResult } from './embedding/embed-request.js';
import type { DocumentText } from './documents/document-text.js';
import type { ServedModel } from './served-models/served-model.js';

/** One file to ingest: its bytes, or the path of a file holding them (read only when its turn comes). */
export type IngestInput = IngestInputFields &
  ({ bytes: Uint8Array; path?: undefined } | { path: string; bytes?: undefined });

/** What every {@link IngestInput} says besides where its content is. */
export interface IngestInputFields {
  /** The document's identity within its collection: the path it was ingested from, or the uploaded file name. */
  source: string;
  /** Media type if known (e.g. from an upload); otherwise decided from the file name and content. */
  mediaType?: string;
  /**
   * The document's tags, for the `tags` search filter. They replace the stored version's tags; an unchanged file
   * ingested with other tags gets only its tags updated. Default: none.
   */
  tags?: string[];
  /**
   * Who may read the document: principals `group:<name>` or `key:<id>`. Replaces the stored version's list.
   * Default: none, so every reader of the collection may.
   */
  access?: string[];
}

/** What happened to one file during ingestion. */
export interface IngestFileResult {
  source: string;
  status: 'created' | 'updated' | 'unchanged' | 'failed';
  documentId?: string;
  chunkCount?: number;
  /** Why it failed, when it did: an AndesError code and message. */
  error?: { code: string; message: string };
}

/** What an ingestion did, file by file. */
export interface IngestReport {
  collection: string;
  files: IngestFileResult[];
}

/** Progress of a running ingestion, reported after each file. */
export interface IngestProgress {
  done: number;
  total: number;
  source: string;
  /** What happened to that file. */
  status: IngestFileResult['status'];
}

/** A search request. */
export interface SearchRequest {
  collection: string;
  query: string;
  /** How many hits (default 10). */
  k?: number;
  filter?: ChunkFilter;
}

/** A question to answer from a collection, or by an assistant. */
export interface AskRequest {
  /** The collection to answer from; ignored when `assistant` is set. */
  collection: string;
  /**
   * Answer with this assistant's live version (or `assistantVersion`) instead: its collection, retrieval and
   * generation settings, system prompt; the answer records `assistant: {name, version}`. Default: none.
   */
  assistant?: string;
  /** With `assistant`: answer with this version instead of the live one (to evaluate it before release). */
  assistantVersion?: number;
  question: string;
  /** How many sources to retrieve for the prompt. */
  k?: number;
  filter?: ChunkFilter;
  /**
   * Earlier turns of the conversation, oldest first. With a chat model, a follow-up ("and for part-timers?") is
   * rewritten into a standalone question from them before searching. Default: none.
   */
  history?: ChatMessage[];
  /** Cancels retrieval and generation. */
  signal?: AbortSignal;
  /** Receives answer text as it is generated (generative mode), or once (extractive mode). */
  onTextChunk?: (text: string) => void;
  /**
   * Receives the sources once retrieval is done, before the first text chunk: every source the answer may cite,
   * numbered as it cites them (an empty list when nothing relevant was found). The answer's `citations` are these
   * same objects, or the subset a generated answer cites. Default: none.
   */
  onCitations?: (citations: Citation[]) => void;
}

/** What `/readyz` reports. */
export interface Readiness {
  ready: boolean;
  store: boolean;
  /**
   * Why the store cannot serve, when it cannot: damage met while serving (`store_corrupt`) or while opening it (a
   * load that failed with `store_corrupt` / `store_foreign`). Absent while healthy or loading. See `andes doctor`.
   */
  storeProblem?: { code: 'store_corrupt' | 'store_foreign'; message: string };
  /** Id of the loaded chat model, or null when running extractive. */
  chatModel: string | null;
  /** Id of the loaded embedding model, or null when dense retrieval is off. */
  embeddingModel: string | null;
  /** Id of the loaded reranker, or null when results are not reranked. */
  rerankModel?: string | null;
}

/**
 * Everything the server and the CLI do, in one object built by `openAndes(config)`.
 * Methods throw `AndesError`s with codes for the caller's mistakes (`collection_not_found`, `invalid_request`, ...).
 */
export interface AndesService {
  readiness(): Readiness;
  listCollections(): Promise<CollectionInfo[]>;
  /**
   * Ingests files into a collection, creating it on first use. Resolves once everything is stored. `chunkSize`
   * (target words per chunk) is recorded with the collection and used by later ingestions into it; default: the
   * recorded size, else 200. A collection holding documents refuses another size with `conflict`.
   */
  ingest(
    collection: string,
    inputs: IngestInput[],
    options?: { onProgress?: (progress: IngestProgress) => void; signal?: AbortSignal; chunkSize?: number },
  ): Promise<IngestReport>;
  /**
   * Renames a collection; its documents, indexes, and the key scopes, assistants and conversations naming it follow.
   * Throws `collection_not_found`, `conflict` for a taken name, `invalid_request` for a bad name.
   */
  renameCollection(name: string, newName: string): Promise<CollectionInfo>;
  /** Deletes a collection with its documents and indexes. Throws `collection_not_found`. */
  deleteCollection(name: string): Promise<void>;
  listDocuments(collection: string): Promise<DocumentRecord[]>;
  deleteDocument(collection: string, documentId: string): Promise<boolean>;
  /**
   * A document's text with its chunks' offsets (see `documents/document-text.ts`). Throws `collection_not_found`,
   * `not_found` for an unknown document.
   */
  getDocumentText(collection: string, documentId: string): Promise<DocumentText>;
  /** Throws `collection_not_found` for an unknown collection. */
  search(request: SearchRequest): Promise<Hit[]>;
  /**
   * Like `search`, with the trace of every retrieval stage (BM25, dense, fusion, rerank: ranks and scores) and the
   * relevance threshold's verdict. Throws `collection_not_found` for an unknown collection.
   */
  explainSearch(request: SearchRequest): Promise<ExplainedSearch>;
  /** Throws `collection_not_found` for an unknown collection. */
  ask(request: AskRequest): Promise<Answer>;
  /**
   * Continues a conversation with a served model: the chat model's id for plain chat, `andes:<collection>` for an
   * answer from that collection with citations. Throws `not_found` for an unknown model, `queue_full` when too many
   * requests wait, `timeout` past `config.requestTimeoutMs`, `context_overflow` for a prompt that does not fit.
   */
  chat(request: ChatRequest): Promise<ChatResult>;
  /** Embeds texts with the embedding model. Throws `not_found` when `request.model` is not the embedding model. */
  embed(request: EmbedRequest): Promise<EmbedResult>;
  /** The model names `chat` and `embed` accept. */
  models(): Promise<ServedModel[]>;
  /**
   * Creates an assistant: version 1, live at once. Throws `conflict` for a taken name, `invalid_request` for an
   * adapter that is not configured.
   */
  createAssistant(name: string, definition: AssistantDefinition): Promise<AssistantRecord>;
  /** Stores the assistant's next version, not live until released. Throws `not_found`. */
  updateAssistant(name: string, definition: AssistantDefinition): Promise<AssistantVersion>;
  listAssistants(): Promise<AssistantRecord[]>;
  /** Throws `not_found`. */
  getAssistant(name: string): Promise<AssistantRecord>;
  /** Oldest first. Throws `not_found`. */
  listAssistantVersions(name: string): Promise<AssistantVersion[]>;
  /** Makes a version live (an older one: a rollback). Throws `not_found`. */
  releaseAssistant(name: string, version: number): Promise<AssistantRecord>;
  /** Removes the assistant and its versions. Throws `not_found`. */
  deleteAssistant(name: string): Promise<void>;
  /** Starts a conversation with an assistant or a collection, owned by the caller. */
  createConversation(request: CreateConversationRequest): Promise<ConversationRecord>;
  /** The caller's conversations, most recent first. */
  listConversations(caller?: ConversationCaller): Promise<ConversationRecord[]>;
  /** Throws `not_found`, also for another caller's conversation. */
  getConversation(id: string, caller?: ConversationCaller): Promise<ConversationWithMessages>;
  /** Throws `not_found`, also for another caller's conversation. */
  deleteConversation(id: string, caller?: ConversationCaller): Promise<void>;
  /** Answers a message like `ask`, with the conversation as history, and stores both. */
  sendMessage(request: SendMessageRequest): Promise<ConversationTurn>;
  /** Rates an answer in the caller's conversation. Throws `not_found`. */
  rateMessage(request: RateMessageRequest): Promise<ConversationMessage>;
  /**
   * Where API keys live (the store's database), for the server's key authentication and `/api/keys`. Undefined
   * when the service keeps none (a test double).
   */
  apiKeys?(): Promise<ApiKeyStore | undefined>;
  /** Closes models and store. */
  close(): Promise<void>;
}
