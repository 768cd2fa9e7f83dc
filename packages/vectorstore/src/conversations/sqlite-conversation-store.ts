import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  AndesError,
  toAndesError,
  type ConversationMessage,
  type ConversationRecord,
  type ConversationStore,
  type MessageFeedback,
  type NewConversationMessage,
  type RatedAnswerQuery,
} from '@andes-rag/core';
import { prepared } from '../database/prepared-statement.js';
import {
  toConversationMessage,
  toConversationRecord,
  type ConversationRow,
  type MessageRow,
} from './conversation-rows.js';

const messageColumns =
  'id, conversation_id, role, content, assistant_name, assistant_version, details, prompt, feedback_rating, feedback_comment, feedback_at, created_at';

/**
 * The SQLite {@link ConversationStore}: `conversations` and `conversation_messages` (in insertion order) in the
 * knowledge store's database (see `database/schema.ts`). A message's citations and mode are kept as JSON in
 * `details`, the prompt the model saw in `prompt`.
 */
export class SqliteConversationStore implements ConversationStore {
  /** @param isClosed true once the owning store closed the database. */
  constructor(
    private readonly database: Database.Database,
    private readonly isClosed: () => boolean,
  ) {}

  async createConversation(conversation: {
    owner: string;
    assistant?: string;
    collection?: string;
  }): Promise<ConversationRecord> {
    return this.run(() => {
      const id = `conv_${randomBytes(10).toString('hex')}`;
      const now = new Date().toISOString();
      prepared(
        this.database,
        'INSERT INTO conversations (id, owner, assistant_name, collection, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(id, conversation.owner, conversation.assistant ?? null, conversation.collection ?? null, now, now);
      return toConversationRecord(this.findRow(id) as ConversationRow);
    });
  }

  async getConversation(id: string): Promise<ConversationRecord | undefined> {
    return this.run(() => {
      const row = this.findRow(id);
      return row && toConversationRecord(row);
    });
  }

  async listConversations(owner: string): Promise<ConversationRecord[]> {
    return this.run(() => {
      const rows = prepared(
        this.database,
        'SELECT * FROM conversations WHERE owner = ? ORDER BY updated_at DESC, id',
      ).all(owner) as ConversationRow[];
      return rows.map(toConversationRecord);
    });
  }

  async deleteConversation(id: string): Promise<boolean> {
    return this.run(() => prepared(this.database, 'DELETE FROM conversations WHERE id = ?').run(id).changes > 0);
  }

  async appendMessages(conversationId: string, messages: NewConversationMessage[]): Promise<ConversationMessage[]> {
    return this.run(() =>
      this.database
        .transaction(() => {
          if (!this.findRow(conversationId)) {
            throw new AndesError('not_found', `The conversation "${conversationId}" does not exist.`, {
              details: { conversationId },
            });
          }
          const now = new Date().toISOString();
          const ids = messages.map((message) => this.insertMessage(conversationId, message, now));
          prepared(this.database, 'UPDATE conversations SET updated_at = ? WHERE id = ?').run(now, conversationId);
          return ids.map((id) => toConversationMessage(this.messageRow(conversationId, id) as MessageRow));
        })
        .immediate(),
    );
  }

  async listMessages(conversationId: string): Promise<ConversationMessage[]> {
    return this.run(() => {
      const rows = prepared(
        this.database,
        `SELECT ${messageColumns} FROM conversation_messages WHERE conversation_id = ? ORDER BY position`,
      ).all(conversationId) as MessageRow[];
      return rows.map(toConversationMessage);
    });
  }

  async setFeedback(
    conversationId: string,
    messageId: string,
    feedback: Omit<MessageFeedback, 'at'>,
  ): Promise<ConversationMessage | undefined> {
    return this.run(() => {
      const changed = prepared(
        this.database,
        `UPDATE conversation_messages SET feedback_rating = ?, feedback_comment = ?, feedback_at = ?
         WHERE conversation_id = ? AND id = ? AND role = 'assistant'`,
      ).run(feedback.rating, feedback.comment ?? null, new Date().toISOString(), conversationId, messageId).changes;
      const row = changed > 0 ? this.messageRow(conversationId, messageId) : undefined;
      return row && toConversationMessage(row);
    });
  }

  async listRatedAnswers(query: RatedAnswerQuery): Promise<ConversationMessage[]> {
    return this.run(() => {
      const rows = prepared(
        this.database,
        `SELECT ${messageColumns} FROM conversation_messages
         WHERE assistant_name = ? AND feedback_rating = ? AND prompt IS NOT NULL AND (? IS NULL OR assistant_version = ?)
         ORDER BY position`,
      ).all(query.assistant, query.rating, query.version ?? null, query.version ?? null) as MessageRow[];
      return rows.map(toConversationMessage);
    });
  }

  private insertMessage(conversationId: string, message: NewConversationMessage, createdAt: string): string {
    const id = `msg_${randomBytes(10).toString('hex')}`;
    const details = {
      ...(message.citations ? { citations: message.citations } : {}),
      ...(message.mode ? { mode: message.mode } : {}),
      ...(message.standaloneQuestion === undefined ? {} : { standaloneQuestion: message.standaloneQuestion }),
    };
    prepared(
      this.database,
      `INSERT INTO conversation_messages
       (id, conversation_id, role, content, assistant_name, assistant_version, details, prompt, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      conversationId,
      message.role,
      message.content,
      message.assistant?.name ?? null,
      message.assistant?.version ?? null,
      JSON.stringify(details),
      message.prompt ? JSON.stringify(message.prompt) : null,
      createdAt,
    );
    return id;
  }

  private findRow(id: string): ConversationRow | undefined {
    return prepared(this.database, 'SELECT * FROM conversations WHERE id = ?').get(id) as ConversationRow | undefined;
  }

  private messageRow(conversationId: string, id: string): MessageRow | undefined {
    return prepared(
      this.database,
      `SELECT ${messageColumns} FROM conversation_messages WHERE conversation_id = ? AND id = ?`,
    ).get(conversationId, id) as MessageRow | undefined;
  }

  private run<T>(operation: () => T): Promise<T> {
    if (this.isClosed()) return Promise.reject(new AndesError('storage_error', 'The knowledge store is closed'));
    try {
      return Promise.resolve(operation());
    } catch (error) {
      return Promise.reject(toAndesError(error, 'storage_error'));
    }
  }
}
