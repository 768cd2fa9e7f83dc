import type { AnswerMode, Citation } from './answers.js';
import type { AssistantReference } from './assistants.js';
import type { ChatMessage } from './models/chat-model.js';

/** A conversation: whom it belongs to and what answers in it (an assistant or a collection). */
export interface ConversationRecord {
  id: string;
  /** The caller that owns it: an API key's id, or `local` when the server has no keys. */
  owner: string;
  /** The assistant that answers (its live version at each message). Absent for a collection conversation. */
  assistant?: string;
  /** The collection answers come from, for a conversation without an assistant. */
  collection?: string;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601: the last message's time. */
  updatedAt: string;
}

/** A rating of one answer. */
export interface MessageFeedback {
  rating: 'up' | 'down';
  comment?: string;
  /** ISO 8601. */
  at: string;
}

/** A message to store: a user's question or the answer to it. */
export interface NewConversationMessage {
  role: 'user' | 'assistant';
  content: string;
  /** For an answer: the assistant version that wrote it. */
  assistant?: AssistantReference;
  /** For an answer: its sources. */
  citations?: Citation[];
  mode?: AnswerMode;
  /** For an answer to a follow-up: the question as searched and answered. */
  standaloneQuestion?: string;
  /**
   * For an answer a model wrote: the messages exactly as the model saw them (instructions with the fenced sources,
   * history, question), for the fine-tuning export. Absent for extractive and "not covered" answers.
   */
  prompt?: ChatMessage[];
}

/** A stored message. */
export interface ConversationMessage extends NewConversationMessage {
  id: string;
  conversationId: string;
  /** ISO 8601. */
  createdAt: string;
  feedback?: MessageFeedback;
}

/** Which rated answers {@link ConversationStore.listRatedAnswers} returns. */
export interface RatedAnswerQuery {
  assistant: string;
  rating: 'up' | 'down';
  /** Only answers written by this version. Default: every version. */
  version?: number;
}

/**
 * Where conversations and their messages live. Storage-neutral: the SQLite store implements it, and every
 * implementation must pass `packages/store-conformance/src/conversation-store-conformance.ts`.
 * Owners are checked by the caller (the runtime), not here.
 */
export interface ConversationStore {
  createConversation(conversation: {
    owner: string;
    assistant?: string;
    collection?: string;
  }): Promise<ConversationRecord>;
  getConversation(id: string): Promise<ConversationRecord | undefined>;
  /** The owner's conversations, most recently updated first. */
  listConversations(owner: string): Promise<ConversationRecord[]>;
  /** Removes it with its messages; false when it did not exist. */
  deleteConversation(id: string): Promise<boolean>;
  /** Stores messages at the end, all or none. @throws AndesError `not_found` for an unknown conversation. */
  appendMessages(conversationId: string, messages: NewConversationMessage[]): Promise<ConversationMessage[]>;
  /** Oldest first. */
  listMessages(conversationId: string): Promise<ConversationMessage[]>;
  /** Rates an answer (a new rating replaces the old); undefined when the message is not an answer in it. */
  setFeedback(
    conversationId: string,
    messageId: string,
    feedback: Omit<MessageFeedback, 'at'>,
  ): Promise<ConversationMessage | undefined>;
  /** Answers with this rating that kept their prompt, oldest first: the fine-tuning export. */
  listRatedAnswers(query: RatedAnswerQuery): Promise<ConversationMessage[]>;
}
