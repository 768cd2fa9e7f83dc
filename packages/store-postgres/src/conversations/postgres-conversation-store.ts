import { randomBytes } from 'node:crypto';
import {
  AndesError,
  toAndesError,
  type AnswerMode,
  type ChatMessage,
  type Citation,
  type ConversationMessage,
  type ConversationRecord,
  type ConversationStore,
  type MessageFeedback,
  type NewConversationMessage,
  type RatedAnswerQuery,
} from '@andes-rag/core';
import type { PostgresConnection, SqlQueryable } from '../connection/postgres-connection.js';

interface ConversationRow {
  id: string;
  owner: string;
  assistant_name: string | null;
  collection: string | null;
  created_at: string;
  updated_at: string;
}

interface MessageRow {
  id: string;
  conversation_id: string;
  role: 'user' | 'assistant';
  content: string;
  assistant_name: string | null;
  assistant_version: number | null;
  details: { citations?: Citation[]; mode?: AnswerMode; standaloneQuestion?: string };
  prompt: ChatMessage[] | null;
  feedback_rating: 'up' | 'down' | null;
  feedback_comment: string | null;
  feedback_at: string | null;
  created_at: string;
}

const messageColumns = `id, conversation_id, role, content, assistant_name, assistant_version, details, prompt,
  feedback_rating, feedback_comment, feedback_at, created_at`;

/**
 * The PostgreSQL {@link ConversationStore}: `conversations` and `conversation_messages` (in insertion order, by an
 * identity column). A message's citations and mode are kept as `jsonb` in `details`, the prompt the model saw in
 * `prompt`.
 */
export class PostgresConversationStore implements ConversationStore {
  /** @param assertOpen throws once the owning store closed. */
  constructor(
    private readonly connection: PostgresConnection,
    private readonly assertOpen: () => void,
  ) {}

  async createConversation(conversation: {
    owner: string;
    assistant?: string;
    collection?: string;
  }): Promise<ConversationRecord> {
    return this.run(async () => {
      const now = new Date().toISOString();
      const { rows } = await this.connection.query<ConversationRow>(
        `INSERT INTO conversations (id, owner, assistant_name, collection, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5) RETURNING *`,
        [
          `conv_${randomBytes(10).toString('hex')}`,
          conversation.owner,
          conversation.assistant ?? null,
          conversation.collection ?? null,
          now,
        ],
      );
      return toConversationRecord(rows[0] as ConversationRow);
    });
  }

  async getConversation(id: string): Promise<ConversationRecord | undefined> {
    return this.run(async () => {
      const row = await findConversation(this.connection, id);
      return row && toConversationRecord(row);
    });
  }

  async listConversations(owner: string): Promise<ConversationRecord[]> {
    return this.run(async () => {
      const { rows } = await this.connection.query<ConversationRow>(
        'SELECT * FROM conversations WHERE owner = $1 ORDER BY updated_at DESC, id',
        [owner],
      );
      return rows.map(toConversationRecord);
    });
  }

  async deleteConversation(id: string): Promise<boolean> {
    return this.run(async () => {
      const { rows } = await this.connection.query('DELETE FROM conversations WHERE id = $1 RETURNING id', [id]);
      return rows.length > 0;
    });
  }

  async appendMessages(conversationId: string, messages: NewConversationMessage[]): Promise<ConversationMessage[]> {
    return this.run(() =>
      this.connection.transaction(async (client) => {
        if (!(await findConversation(client, conversationId, true))) {
          throw new AndesError('not_found', `The conversation "${conversationId}" does not exist.`, {
            details: { conversationId },
          });
        }
        const now = new Date().toISOString();
        const stored: ConversationMessage[] = [];
        for (const message of messages) stored.push(await insertMessage(client, conversationId, message, now));
        await client.query('UPDATE conversations SET updated_at = $1 WHERE id = $2', [now, conversationId]);
        return stored;
      }),
    );
  }

  async listMessages(conversationId: string): Promise<ConversationMessage[]> {
    return this.run(async () => {
      const { rows } = await this.connection.query<MessageRow>(
        `SELECT ${messageColumns} FROM conversation_messages WHERE conversation_id = $1 ORDER BY position`,
        [conversationId],
      );
      return rows.map(toConversationMessage);
    });
  }

  async setFeedback(
    conversationId: string,
    messageId: string,
    feedback: Omit<MessageFeedback, 'at'>,
  ): Promise<ConversationMessage | undefined> {
    return this.run(async () => {
      const { rows } = await this.connection.query<MessageRow>(
        `UPDATE conversation_messages SET feedback_rating = $1, feedback_comment = $2, feedback_at = $3
          WHERE conversation_id = $4 AND id = $5 AND role = 'assistant'
          RETURNING ${messageColumns}`,
        [feedback.rating, feedback.comment ?? null, new Date().toISOString(), conversationId, messageId],
      );
      return rows[0] && toConversationMessage(rows[0]);
    });
  }

  async listRatedAnswers(query: RatedAnswerQuery): Promise<ConversationMessage[]> {
    return this.run(async () => {
      const { rows } = await this.connection.query<MessageRow>(
        `SELECT ${messageColumns} FROM conversation_messages
          WHERE assistant_name = $1 AND feedback_rating = $2 AND prompt IS NOT NULL
            AND ($3::int IS NULL OR assistant_version = $3::int)
          ORDER BY position`,
        [query.assistant, query.rating, query.version ?? null],
      );
      return rows.map(toConversationMessage);
    });
  }

  private async run<T>(operation: () => Promise<T>): Promise<T> {
    this.assertOpen();
    try {
      return await operation();
    } catch (error) {
      throw toAndesError(error, 'storage_error');
    }
  }
}

async function findConversation(client: SqlQueryable, id: string, lock = false): Promise<ConversationRow | undefined> {
  const { rows } = await client.query<ConversationRow>(
    `SELECT * FROM conversations WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

async function insertMessage(
  client: SqlQueryable,
  conversationId: string,
  message: NewConversationMessage,
  createdAt: string,
): Promise<ConversationMessage> {
  const details = {
    ...(message.citations ? { citations: message.citations } : {}),
    ...(message.mode ? { mode: message.mode } : {}),
    ...(message.standaloneQuestion === undefined ? {} : { standaloneQuestion: message.standaloneQuestion }),
  };
  const { rows } = await client.query<MessageRow>(
    `INSERT INTO conversation_messages
       (id, conversation_id, role, content, assistant_name, assistant_version, details, prompt, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9)
     RETURNING ${messageColumns}`,
    [
      `msg_${randomBytes(10).toString('hex')}`,
      conversationId,
      message.role,
      message.content,
      message.assistant?.name ?? null,
      message.assistant?.version ?? null,
      JSON.stringify(details),
      message.prompt ? JSON.stringify(message.prompt) : null,
      createdAt,
    ],
  );
  return toConversationMessage(rows[0] as MessageRow);
}

function toConversationRecord(row: ConversationRow): ConversationRecord {
  return {
    id: row.id,
    owner: row.owner,
    ...(row.assistant_name === null ? {} : { assistant: row.assistant_name }),
    ...(row.collection === null ? {} : { collection: row.collection }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toConversationMessage(row: MessageRow): ConversationMessage {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    role: row.role,
    content: row.content,
    createdAt: row.created_at,
    ...(row.assistant_name === null || row.assistant_version === null
      ? {}
      : { assistant: { name: row.assistant_name, version: row.assistant_version } }),
    ...row.details,
    ...(row.prompt === null ? {} : { prompt: row.prompt }),
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
