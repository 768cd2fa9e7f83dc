import type { Answer, ChunkFilter, Citation, ConversationMessage, ConversationRecord } from '@andes-rag/core';

/** Who calls: the owner of the conversations they make, and what they may read. */
export interface ConversationCaller {
  /** An API key's id, or `local` when the server has no keys. Default `local`. */
  owner?: string;
  /** Restricts retrieval to what the caller may read; merged with an assistant's filter. Default: none. */
  filter?: ChunkFilter;
}

/** A new conversation: answered by an assistant, or from a collection with the server's settings. */
export interface CreateConversationRequest extends ConversationCaller {
  assistant?: string;
  collection?: string;
}

/** A conversation with its messages, oldest first. */
export interface ConversationWithMessages extends ConversationRecord {
  messages: ConversationMessage[];
}

/** A user message to answer in a conversation. */
export interface SendMessageRequest extends ConversationCaller {
  conversationId: string;
  content: string;
  /** Cancels retrieval and generation; nothing is stored then. */
  signal?: AbortSignal;
  /** Receives the answer text as it is generated. */
  onTextChunk?: (text: string) => void;
  /** Receives the sources before the first text chunk, as `AskRequest.onCitations` does. */
  onCitations?: (citations: Citation[]) => void;
}

/** The answer to a message, as `ask` gives it, with the ids of the two stored messages. */
export interface ConversationTurn extends Answer {
  conversationId: string;
  /** The stored user message. */
  questionMessageId: string;
  /** The stored answer: rate it with its id. */
  messageId: string;
}

/** A rating of an answer in a conversation. */
export interface RateMessageRequest extends ConversationCaller {
  conversationId: string;
  messageId: string;
  rating: 'up' | 'down';
  comment?: string;
}

/** Which rated answers become fine-tuning examples. */
export interface ExportDatasetRequest {
  assistant: string;
  /** Default `up`. */
  feedback?: 'up' | 'down';
  /** Only answers of this version. Default: every version. */
  version?: number;
}

/** One fine-tuning example in OpenAI's chat format: the prompt as the model saw it, then the answer. */
export interface FineTuningExample {
  messages: Array<{ role: 'system' | 'user' | 'assistant'; content: string }>;
}
