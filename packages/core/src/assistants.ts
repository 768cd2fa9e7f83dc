import type { ChunkFilter } from './chunks.js';
import type { JsonSchema } from './models/chat-model.js';

/** When an assistant's retrieval counts as covering a question; unset fields take the server's configuration. */
export interface AssistantThreshold {
  /** Least fraction of the question's topic words one passage must contain (0 turns the check off). */
  minTermCoverage?: number;
  /** Least reranker score (0 to 1) one passage must reach, when a reranker ran. */
  minRerankScore?: number;
}

/** How an assistant retrieves; unset fields take the server's configuration. */
export interface AssistantRetrievalSettings {
  /** How many sources enter the prompt. Default: the configured `answerSources`. */
  k?: number;
  /** Applied inside retrieval, before ranking, on top of any filter of the caller. Default: none. */
  filter?: ChunkFilter;
  /** Rerank with the configured reranker (when there is one). Default true. */
  rerank?: boolean;
  /** The relevance threshold. Default: the configured one. */
  threshold?: AssistantThreshold;
}

/** How an assistant's model writes; unset fields take the model's defaults. */
export interface AssistantGenerationSettings {
  temperature?: number;
  /** Most tokens of an answer; never above the configured `maxAnswerTokens`. */
  maxTokens?: number;
  /** Generation stops at any of these strings. */
  stop?: string[];
  seed?: number;
}

/** What an assistant is: everything a version fixes. */
export interface AssistantDefinition {
  /** What it is for, for people choosing one. Default "". */
  description: string;
  /** Added after Andes's answering instructions (which keep sources as data). Default "". */
  systemPrompt: string;
  /** The collections it answers from (one in this version of Andes). */
  collections: string[];
  retrieval: AssistantRetrievalSettings;
  generation: AssistantGenerationSettings;
  /** Name of a configured LoRA adapter (`loraAdapters`) the model answers through. Default: none. */
  loraAdapter?: string;
  /** JSON schema the answer must follow (grammar-constrained generation). Default: none. */
  jsonSchema?: JsonSchema;
}

/** One immutable version of an assistant. */
export interface AssistantVersion extends AssistantDefinition {
  name: string;
  /** 1, 2, 3... in the order the versions were made. */
  version: number;
  /** ISO 8601. */
  createdAt: string;
}

/** An assistant: its live version (the one that answers) and how many versions it has. */
export interface AssistantRecord {
  name: string;
  /** The version that answers requests naming the assistant. */
  liveVersion: number;
  latestVersion: number;
  /** ISO 8601. */
  createdAt: string;
  /** The live version's definition. */
  live: AssistantVersion;
}

/** Which assistant version wrote an answer. */
export interface AssistantReference {
  name: string;
  version: number;
}

/**
 * Where assistants and their versions live. Storage-neutral: the SQLite store implements it, and every
 * implementation must pass `packages/store-conformance/src/assistant-store-conformance.ts`.
 * Names are validated by the caller; versions are never changed or removed, only the whole assistant.
 */
export interface AssistantStore {
  /** Stores version 1, live at once. @throws AndesError `conflict` when the name is taken. */
  createAssistant(name: string, definition: AssistantDefinition): Promise<AssistantRecord>;
  /** Stores the next version; the live version does not change. @throws AndesError `not_found`. */
  addAssistantVersion(name: string, definition: AssistantDefinition): Promise<AssistantVersion>;
  /** Every assistant, by name. */
  listAssistants(): Promise<AssistantRecord[]>;
  getAssistant(name: string): Promise<AssistantRecord | undefined>;
  getAssistantVersion(name: string, version: number): Promise<AssistantVersion | undefined>;
  /** Oldest first. @throws AndesError `not_found`. */
  listAssistantVersions(name: string): Promise<AssistantVersion[]>;
  /** Makes `version` the live one (older ones included: a rollback). @throws AndesError `not_found`. */
  releaseAssistantVersion(name: string, version: number): Promise<AssistantRecord>;
  /** Removes the assistant and every version; false when it did not exist. */
  deleteAssistant(name: string): Promise<boolean>;
}
