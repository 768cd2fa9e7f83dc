import type { SqlQueryable } from '../connection/postgres-connection.js';

/**
 * Empties every table the store made and drops the collections' HNSW indexes, so the next open finds an empty,
 * migrated database (dropping and migrating again for each test would cost the test run a second each).
 */
export async function resetDatabase(client: SqlQueryable): Promise<void> {
  await client.query(`TRUNCATE conversation_messages, conversations, assistant_versions, assistants, api_keys, chunks,
    documents, collections RESTART IDENTITY CASCADE`);
  const { rows } = await client.query<{ name: string }>(
    "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'chunks' AND indexname LIKE 'chunks\\_hnsw\\_%'",
  );
  for (const { name } of rows) await client.query(`DROP INDEX IF EXISTS "${name}"`);
}
