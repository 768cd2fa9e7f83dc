import type { PostgresConnection, SqlQueryable } from '../connection/postgres-connection.js';

/** An API key as another store keeps it: the SHA-256 hex hash of its secret, never the secret. */
export interface ImportedApiKey {
  id: string;
  name: string;
  role: string;
  /** Null for every collection. */
  collections: string[] | null;
  groups: string[];
  keyHash: string;
  createdAt: string;
}

/** An assistant with every version and the live one. */
export interface ImportedAssistant {
  name: string;
  liveVersion: number;
  createdAt: string;
  versions: Array<{ version: number; definition: unknown; createdAt: string }>;
}

/** A conversation with its messages in order, feedback included. */
export interface ImportedConversation {
  id: string;
  owner: string;
  assistantName: string | null;
  collection: string | null;
  createdAt: string;
  updatedAt: string;
  messages: Array<{
    id: string;
    role: string;
    content: string;
    assistantName: string | null;
    assistantVersion: number | null;
    details: unknown;
    prompt: unknown;
    feedbackRating: string | null;
    feedbackComment: string | null;
    feedbackAt: string | null;
    createdAt: string;
  }>;
}

/** How many records an import wrote, and how many were there already (same id) and left as they were. */
export interface ImportCount {
  copied: number;
  skipped: number;
}

/** One line per record, for comparing two stores: what identifies it and what it holds. */
export interface RecordFingerprints {
  /** `id hash role`, by id. */
  apiKeys: string[];
  /** `name live versions`, by name. */
  assistants: string[];
  /** `id messages rated`, by id. */
  conversations: string[];
}

/**
 * Copies API keys (ids and hashes as they are) into the store's database. A key whose id is already there is
 * skipped, so a second run after an interruption writes nothing twice.
 */
export async function importApiKeys(connection: SqlQueryable, keys: ImportedApiKey[]): Promise<ImportCount> {
  let copied = 0;
  for (const key of keys) {
    const result = await connection.query(
      `INSERT INTO api_keys (id, name, role, collections, groups, key_hash, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
      [key.id, key.name, key.role, key.collections, key.groups, key.keyHash, key.createdAt],
    );
    copied += result.rows.length;
  }
  return { copied, skipped: keys.length - copied };
}

/**
 * Copies assistants with every version and their live version, each in one transaction. An assistant whose name is
 * already there is skipped.
 */
export async function importAssistants(
  connection: PostgresConnection,
  assistants: ImportedAssistant[],
): Promise<ImportCount> {
  let copied = 0;
  for (const assistant of assistants) {
    const written = await connection.transaction(async (client) => {
      const result = await client.query(
        'INSERT INTO assistants (name, live_version, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING name',
        [assistant.name, assistant.liveVersion, assistant.createdAt],
      );
      if (result.rows.length === 0) return false;
      for (const version of assistant.versions) {
        await client.query(
          'INSERT INTO assistant_versions (assistant_name, version, definition, created_at) VALUES ($1, $2, $3::jsonb, $4)',
          [assistant.name, version.version, JSON.stringify(version.definition), version.createdAt],
        );
      }
      return true;
    });
    if (written) copied += 1;
  }
  return { copied, skipped: assistants.length - copied };
}

/**
 * Copies conversations with their messages (in order) and feedback, each conversation in one transaction. A
 * conversation whose id is already there is skipped.
 */
export async function importConversations(
  connection: PostgresConnection,
  conversations: ImportedConversation[],
): Promise<ImportCount> {
  let copied = 0;
  for (const conversation of conversations) {
    const written = await connection.transaction(async (client) => {
      const result = await client.query(
        `INSERT INTO conversations (id, owner, assistant_name, collection, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
        [
          conversation.id,
          conversation.owner,
          conversation.assistantName,
          conversation.collection,
          conversation.createdAt,
          conversation.updatedAt,
        ],
      );
      if (result.rows.length === 0) return false;
      for (const message of conversation.messages) {
        await client.query(
          `INSERT INTO conversation_messages (id, conversation_id, role, content, assistant_name, assistant_version,
             details, prompt, feedback_rating, feedback_comment, feedback_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11, $12)`,
          [
            message.id,
            conversation.id,
            message.role,
            message.content,
            message.assistantName,
            message.assistantVersion,
            JSON.stringify(message.details),
            message.prompt === null ? null : JSON.stringify(message.prompt),
            message.feedbackRating,
            message.feedbackComment,
            message.feedbackAt,
            message.createdAt,
          ],
        );
      }
      return true;
    });
    if (written) copied += 1;
  }
  return { copied, skipped: conversations.length - copied };
}

/** The records of the store's database as {@link RecordFingerprints}, for checking a copy. */
export async function readRecordFingerprints(connection: SqlQueryable): Promise<RecordFingerprints> {
  const keys = await connection.query<{ id: string; key_hash: string; role: string }>(
    'SELECT id, key_hash, role FROM api_keys ORDER BY id',
  );
  const assistants = await connection.query<{ name: string; live_version: number; versions: string }>(
    `SELECT a.name, a.live_version, count(v.version)::text AS versions
     FROM assistants a LEFT JOIN assistant_versions v ON v.assistant_name = a.name
     GROUP BY a.name, a.live_version ORDER BY a.name`,
  );
  const conversations = await connection.query<{ id: string; messages: string; rated: string }>(
    `SELECT c.id, count(m.id)::text AS messages, count(m.feedback_rating)::text AS rated
     FROM conversations c LEFT JOIN conversation_messages m ON m.conversation_id = c.id
     GROUP BY c.id ORDER BY c.id`,
  );
  return {
    apiKeys: keys.rows.map((row) => `${row.id} ${row.key_hash} ${row.role}`),
    assistants: assistants.rows.map((row) => `${row.name} ${row.live_version} ${row.versions}`),
    conversations: conversations.rows.map((row) => `${row.id} ${row.messages} ${row.rated}`),
  };
}
