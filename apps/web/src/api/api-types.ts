/** A numbered source of an answer, as `/api/ask` and conversation messages send it. */
export interface Citation {
  /** The number the answer uses for it: `[n]`. */
  n: number;
  source: string;
  collection?: string;
  chunkId: string;
  documentId: string;
  title: string;
  headingPath: string[];
  text: string;
  startOffset: number;
  endOffset: number;
  page?: number;
  documentWarnings?: string[];
}

/** A finished answer (the `done` event, or a JSON answer). */
export interface Answer {
  answer: string;
  mode: 'generative' | 'extractive';
  citations: Citation[];
  standaloneQuestion?: string;
  removedLinks?: string[];
  assistant?: { name: string; version: number };
  conversationId?: string;
  messageId?: string;
  questionMessageId?: string;
}

/** A conversation of the caller, as `GET /api/conversations` lists it. */
export interface Conversation {
  id: string;
  assistant?: string;
  collection?: string;
  createdAt: string;
  updatedAt: string;
  /** The first question, when the server sends it; otherwise the list shows the time. */
  title?: string;
}

/** A stored message, as `GET /api/conversations/:id` returns it. */
export interface ConversationMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  citations?: Citation[];
  mode?: 'generative' | 'extractive';
  feedback?: { rating: 'up' | 'down' };
  createdAt: string;
}

/** A collection with counts. */
export interface Collection {
  name: string;
  documentCount?: number;
  chunkCount?: number;
}

/** A warning parsing raised for a document. */
export interface DocumentWarning {
  code: string;
  message: string;
}

/** A stored document, as the documents list returns it. */
export interface DocumentRecord {
  id: string;
  collection: string;
  source: string;
  title: string;
  mediaType: string;
  chunkCount: number;
  ingestedAt: string;
  warnings?: DocumentWarning[];
  tags?: string[];
  access?: string[];
}

/** One page of `GET /api/collections/:name/documents`. */
export interface DocumentPage {
  documents: DocumentRecord[];
  total: number;
  offset: number;
  limit: number;
}

/** A chunk of a document's text, by offsets into it. */
export interface DocumentChunk {
  chunkId: string;
  start: number;
  end: number;
  headingPath: string[];
  page?: number;
}

/** `GET /api/collections/:c/documents/:id/text`. */
export interface DocumentText {
  documentId: string;
  source: string;
  title: string;
  mediaType: string;
  text: string;
  chunks: DocumentChunk[];
}

/** What an assistant version fixes. */
export interface AssistantVersion {
  name: string;
  version: number;
  description: string;
  systemPrompt: string;
  collections: string[];
  retrieval: Record<string, unknown>;
  generation: Record<string, unknown>;
  createdAt: string;
}

/** An assistant as `GET /api/assistants` lists it: the live version's definition with its version numbers. */
export interface Assistant extends AssistantVersion {
  liveVersion: number;
  latestVersion: number;
}

/** The caller, from `GET /api/me`. */
export interface Me {
  role: 'reader' | 'editor' | 'admin';
  /** The collections the key may use; null for all. */
  collections: string[] | null;
  groups: string[];
  authEnabled: boolean;
}

/** An evaluation report in the list. */
export interface EvalReportSummary {
  id: string;
  createdAt?: string;
  dataset?: string;
  collection?: string;
  links: { json: string; html: string };
  [key: string]: unknown;
}

/** Per-file result of an upload. */
export interface IngestFileResult {
  source: string;
  status: string;
  documentId?: string;
  error?: { code: string; message: string };
}
