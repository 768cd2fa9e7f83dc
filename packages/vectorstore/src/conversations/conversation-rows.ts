import type { AnswerMode, ChatMessage, Citation, ConversationMessage, ConversationRecord } from '@andes-rag/core';

/** A row of `conversations`. */
export interface ConversationRow {
  id: string;
  owner: string;
  assistant_name: string | null;
  collection: string | null;
  created_at: string;
  updated_at: string;
}

/** A row of `conversation_messages` (without its position). */
export interface MessageRow {
  id: string;
  conversation_id: string;
  role: 'user' | 'assistant';
  content: string;
  assistant_name: string | null;
  assistant_version: number | null;
  details: string;
  prompt: string | null;
  feedback_rating: 'up' | 'down' | null;
  feedback_comment: string | null;
  feedback_at: string | null;
  created_at: string;
}

interface MessageDetails {
  citations?: Citation[];
  mode?: AnswerMode;
  standaloneQuestion?: string;
}

/** A conversation row as the contract's record. */
export function toConversationRecord(row: ConversationRow): ConversationRecord {
  return {
    id: row.id,
    owner: row.owner,
    ...(row.assistant_name === null ? {} : { assistant: row.assistant_name }),
    ...(row.collection === null ? {} : { collection: row.collection }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A message row as the contract's message. */
export function toConversationMessage(row: MessageRow): ConversationMessage {
  const details = JSON.parse(row.details) as MessageDetails;
  return {
    id: row.id,
    conversationId: row.conversation_id,
    role: row.role,
    content: row.content,
    createdAt: row.created_at,
    ...(row.assistant_name === null || row.assistant_version === null
      ? {}
      : { assistant: { name: row.assistant_name, version: row.assistant_version } }),
    ...details,
    ...(row.prompt === null ? {} : { prompt: JSON.parse(row.prompt) as ChatMessage[] }),
    ...(row.feedback_rating === null || row.feedback_at === null
      ? {}
      : {
          feedback: {
            rating: row.feedback_rating,
            ...(row.feedback_comment === null ? {} : { comment: row.feedback_comment }),
            at: row.feedback_at,
          },
        }),
  };
}
