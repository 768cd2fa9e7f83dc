import { existsSync } from 'node:fs';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureTestModels } from '@andes-rag/testing';
import type { MigrationReport } from '@andes-rag/runtime';
import { connectPostgres, PostgresKnowledgeStore, type PostgresConnection } from '@andes-rag/store-postgres';
import {
  postgresServerInstalled,
  startTemporaryPostgresServer,
  type TemporaryPostgresServer,
} from '@andes-rag/store-postgres/testing';
import { SqliteKnowledgeStore } from '@andes-rag/vectorstore';
import { samplesDirectory, temporaryDirectory } from '../support/repository.js';
import { runCli } from '../support/run-cli.js';

// `andes migrate`: an embedded store (the sample handbook embedded with the tiny model, a key, an assistant with two
// versions, a rated conversation) copied into a real PostgreSQL 15 server by a real CLI process, verified, resumed
// after part of the copy is lost, and searched there with `andes search`. Under CI=true PostgreSQL must be there.
const available = postgresServerInstalled() || process.env.CI === 'true';
if (!available)
  console.warn('Skipping the migrate test: PostgreSQL 15 is not installed (apt-get install postgresql-15)');

describe.runIf(available)('andes migrate --from DATA_DIR --to postgres://…', () => {
  let postgres: TemporaryPostgresServer;
  let workspace: Awaited<ReturnType<typeof temporaryDirectory>>;
  let dataDir: string;
  let embeddingModelPath: string;
  let database: PostgresConnection;
  let keyId: string;
  let conversationId: string;
  const migrate = () => runCli(['migrate', '--from', dataDir, '--to', postgres.url, '--json']);
  const count = async (table: string) =>
    Number((await database.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`)).rows[0]!.n);

  beforeAll(async () => {
    const models = await ensureTestModels();
    embeddingModelPath = models.embeddingModelPath;
    postgres = await startTemporaryPostgresServer();
    workspace = await temporaryDirectory('andes-migrate-');
    dataDir = path.join(workspace.path, 'data');
    const environment = { ANDES_EMBEDDING_MODEL: embeddingModelPath };
    // Three files of the sample handbook: embedding all of it takes a minute on a busy 2-core machine.
    const handbook = path.join(workspace.path, 'handbook');
    await mkdir(path.join(handbook, 'benefits'), { recursive: true });
    for (const file of ['benefits/parental-leave.txt', 'travel-policy.md', 'expense-policy.md']) {
      await cp(path.join(samplesDirectory, file), path.join(handbook, file));
    }
    const ingested = await runCli(
      ['ingest', handbook, '--data-dir', dataDir, '--collection', 'handbook', '--chunk-size', '120'],
      environment,
    );
    expect(ingested.exitCode, ingested.stderr).toBe(0);
    const key = await runCli([
      'keys',
      'create',
      '--name',
      'hr-bot',
      '--role',
      'reader',
      '--data-dir',
      dataDir,
      '--json',
    ]);
    expect(key.exitCode, key.stderr).toBe(0);
    keyId = (JSON.parse(key.stdout) as { id: string }).id;
    for (const [file, prompt] of [
      ['travel.yaml', 'Answer briefly.'],
      ['travel-2.yaml', 'Answer formally.'],
    ] as const) {
      const definition = path.join(workspace.path, file);
      await writeFile(definition, `name: travel\nsystemPrompt: ${prompt}\ncollections: [handbook]\n`);
      const verb = file === 'travel.yaml' ? 'create' : 'update';
      const made = await runCli(['assistants', verb, definition, '--data-dir', dataDir]);
      expect(made.exitCode, made.stderr).toBe(0);
    }
    // No CLI writes conversations: the embedded store's own conversation store does, as the server would.
    const store = await SqliteKnowledgeStore.open({ dataDir });
    const conversations = store.conversationStore();
    const conversation = await conversations.createConversation({ owner: `key:${keyId}`, assistant: 'travel' });
    conversationId = conversation.id;
    const [, answer] = await conversations.appendMessages(conversation.id, [
      { role: 'user', content: 'How long is parental leave?' },
      { role: 'assistant', content: 'Sixteen weeks.', mode: 'extractive' },
    ]);
    await conversations.setFeedback(conversation.id, answer!.id, { rating: 'up' });
    await store.close();
    database = connectPostgres(postgres.url);
  }, 120_000);

  afterAll(async () => {
    await database?.close();
    await postgres?.stop();
    await workspace?.remove();
  });

  test('copies everything with its embeddings, verifies it, and a second run after a loss resumes without duplicates', async () => {
    const first = await migrate();
    expect(first.exitCode, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout) as MigrationReport;
    expect(report.collections).toEqual([{ collection: 'handbook', copied: 3, unchanged: 0, withoutVectors: 0 }]);
    expect(report.verification.ok).toBe(true);
    const [handbook] = report.verification.collections;
    expect(handbook!.source.documents).toBe(3);
    expect(handbook!.source.vectors).toBe(handbook!.source.chunks);
    expect(handbook!.target).toEqual(handbook!.source);
    expect(report.verification.records.map((entry) => [entry.kind, entry.sourceCount, entry.targetCount])).toEqual([
      ['api keys', 1, 1],
      ['assistants', 1, 1],
      ['conversations', 1, 1],
    ]);
    expect(await count('assistant_versions')).toBe(2);
    expect(await count('conversation_messages')).toBe(2);
    const chunks = await count('chunks');
    expect(chunks).toBe(handbook!.source.chunks);

    // Lose part of the copy, as an interrupted run would leave it: two documents and the conversation.
    await database.query(
      "DELETE FROM documents WHERE id IN (SELECT id FROM documents WHERE source LIKE '%travel-policy.md' OR source LIKE '%parental-leave.txt')",
    );
    await database.query('DELETE FROM conversations WHERE id = $1', [conversationId]);
    const second = await migrate();
    expect(second.exitCode, second.stderr).toBe(0);
    const resumed = JSON.parse(second.stdout) as MigrationReport;
    expect(resumed.collections).toEqual([{ collection: 'handbook', copied: 2, unchanged: 1, withoutVectors: 0 }]);
    expect(resumed.apiKeys).toEqual({ copied: 0, skipped: 1 });
    expect(resumed.assistants).toEqual({ copied: 0, skipped: 1 });
    expect(resumed.conversations).toEqual({ copied: 1, skipped: 0 });
    expect(resumed.verification.ok).toBe(true);
    expect([await count('documents'), await count('chunks'), await count('conversation_messages')]).toEqual([
      3,
      chunks,
      2,
    ]);

    // The copy serves: chunk size, key (same id and hash), live and latest assistant versions kept; `andes search`
    // on the PostgreSQL store finds the passage.
    const store = await PostgresKnowledgeStore.open({ connection: connectPostgres(postgres.url) });
    expect(await store.getCollection('handbook')).toMatchObject({ chunkSize: 120, documentCount: 3 });
    expect((await store.apiKeyStore().list()).map((key) => key.id)).toEqual([keyId]);
    expect(await store.assistantStore().getAssistant('travel')).toMatchObject({ liveVersion: 1, latestVersion: 2 });
    await store.close();
    const found = await runCli(
      ['search', 'parental leave weeks', '--collection', 'handbook', '--k', '3', '--json', '--data-dir', dataDir],
      { ANDES_STORE: postgres.url, ANDES_EMBEDDING_MODEL: embeddingModelPath },
    );
    expect(found.exitCode, found.stderr).toBe(0);
    const hits = JSON.parse(found.stdout) as Array<{ source: string }>;
    expect(hits[0]!.source).toMatch(/benefits\/parental-leave\.txt$/);
  }, 120_000);

  test('a copy that differs from the original fails verification with exit code 1 and a table saying where', async () => {
    await database.query("UPDATE chunks SET text = 'tampered' WHERE id = (SELECT id FROM chunks ORDER BY id LIMIT 1)");
    const result = await runCli(['migrate', '--from', dataDir, '--to', postgres.url]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/^handbook .*MISMATCH$/m);
    expect(result.stdout).toContain('Verification FAILED');
    expect(result.stdout).toMatch(/^\(api keys\) +1 .*ok$/m);
  }, 60_000);

  test('a data directory without a store and a URL that is not postgres:// are refused, creating nothing', async () => {
    const missing = path.join(workspace.path, 'no-store-here');
    const noStore = await runCli(['migrate', '--from', missing, '--to', postgres.url]);
    expect(noStore.exitCode).toBe(2);
    expect(noStore.stderr).toContain('[invalid_request]');
    expect(existsSync(missing)).toBe(false);
    const notPostgres = await runCli(['migrate', '--from', dataDir, '--to', 'mysql://localhost/andes']);
    expect(notPostgres.exitCode).toBe(2);
    expect(notPostgres.stderr).toContain('--to must be a postgres:// URL');
  }, 60_000);
});
