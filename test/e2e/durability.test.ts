import { readdir } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureTestModels, type TestModelPaths } from '@andes-rag/testing';
import { chunkIndexText } from '@andes-rag/retrieval';
import { loadConfig, openAndes, type AndesRuntime } from '@andes-rag/runtime';
import { SqliteKnowledgeStore } from '@andes-rag/vectorstore';
import { AcknowledgedWrites } from '../support/acknowledged-writes.js';
import type { GeneratedWrite } from '../support/generated-documents.js';
import { runUntilKilled } from '../support/killed-child.js';
import { temporaryDirectory } from '../support/repository.js';
import { startServerProcess } from '../support/server-process.js';
import { readServerSentEvents } from '../support/sse.js';

// Each round starts a process that loads the tiny embedding model: ~6 s of CPU, nearly all of it node-llama-cpp
// loading the 128K-token vocabulary. Six rounds keep the file near 45 s on an idle 2-core machine; a soak run raises
// ANDES_DURABILITY_ROUNDS (and replays a failure with ANDES_DURABILITY_SEED).
const rounds = Number(process.env['ANDES_DURABILITY_ROUNDS'] ?? 6);
const killLoopTimeoutMs = 60_000 + rounds * 30_000;
const collection = 'durable';

/** mulberry32: kill moments are random, but a failing seed can be replayed with ANDES_DURABILITY_SEED. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), state | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Files a clean shutdown or a recovery must not leave behind: temporary index files and SQLite journals. */
async function strayFiles(dataDir: string): Promise<string[]> {
  const entries = await readdir(dataDir, { recursive: true });
  return entries.filter((name) => /\.tmp$|-journal$|-wal$|-shm$/.test(name));
}

/** Opens the store afresh, as a restarted process would, and checks every acknowledged write against it. */
async function checkRestartedStore(dataDir: string, writes: AcknowledgedWrites, context: string): Promise<void> {
  const store = await SqliteKnowledgeStore.open({ dataDir });
  try {
    const integrity = await store.verifyIntegrity();
    expect(integrity.problems, context).toEqual([]);
    const counts = integrity.collections.find((entry) => entry.collection === collection);
    if (counts) {
      const everyChunk = { embeddedChunks: counts.chunks, indexedVectors: counts.chunks, lexicalRows: counts.chunks };
      expect(counts, `${context}: every chunk is embedded and in both indexes`).toMatchObject(everyChunk);
    }
    const stored = new Map(
      (counts ? await store.listDocuments(collection) : []).map((document) => [document.source, document]),
    );
    expect(writes.settle(stored), `${context}: stored versions`).toEqual([]);
    for (const write of writes.latestWrites()) {
      expect(stored.get(write.source)?.contentHash, `${context}: ${write.source} acknowledged`).toBe(write.contentHash);
      const hits = await store.searchLexical(collection, write.versionMark, { k: 3 });
      const chunks = await store.getChunks(
        collection,
        hits.map((hit) => hit.chunkId),
      );
      expect(
        chunks.map((chunk) => chunk.source),
        `${context}: ${write.versionMark}`,
      ).toEqual([write.source]);
    }
    for (const old of writes.superseded) {
      expect(
        await store.searchLexical(collection, old.versionMark, { k: 3 }),
        `${context}: ${old.versionMark}`,
      ).toEqual([]);
    }
  } finally {
    await store.close();
  }
}

/** Searches for each write's own chunk text through the real dense retriever: the chunk must come back at ≈ 1. */
async function checkVectorSearch(
  runtime: AndesRuntime,
  dataDir: string,
  recent: GeneratedWrite[],
  context: string,
): Promise<void> {
  const store = await SqliteKnowledgeStore.open({ dataDir });
  try {
    for (const write of recent) {
      const [hit] = await store.searchLexical(collection, write.versionMark, { k: 1 });
      const [chunk] = await store.getChunks(collection, [hit!.chunkId]);
      const { trace } = await runtime.explainSearch({ collection, query: chunkIndexText(chunk!), k: 10 });
      const dense = trace.stages.find((stage) => stage.name === 'dense' && stage.query === undefined);
      const found = dense?.candidates.find((candidate) => candidate.chunkId === chunk!.id);
      expect(found?.score, `${context}: dense search for ${write.source}`).toBeGreaterThan(0.9999);
    }
  } finally {
    await store.close();
  }
}

describe('durability', () => {
  let models: TestModelPaths;
  beforeAll(async () => {
    models = await ensureTestModels();
  });

  describe('SIGKILL at random moments during ingestion', () => {
    let dataDirectory: Awaited<ReturnType<typeof temporaryDirectory>>;
    let runtime: AndesRuntime;
    beforeAll(async () => {
      dataDirectory = await temporaryDirectory('andes-durability-');
      // The test's own runtime embeds the queries of the vector checks (its model loads once); the store itself is
      // opened afresh after every kill.
      const { embeddingModelPath } = models;
      runtime = await openAndes(
        loadConfig({ dataDir: dataDirectory.path, embeddingModelPath, threads: 1, gpu: 'cpu' }, {}),
      );
    });
    afterAll(async () => {
      await runtime?.close();
      await dataDirectory?.remove();
    });

    test(
      `every acknowledged document survives ${rounds} kills, searchable, with nothing dangling`,
      async () => {
        const seed = Number(process.env['ANDES_DURABILITY_SEED'] ?? Date.now() % 1_000_000);
        const random = seededRandom(seed);
        const writes = new AcknowledgedWrites();
        let next = 0;
        let acknowledged = 0;
        for (let round = 0; round < rounds; round++) {
          const delayMs = Math.round(random() * 1500);
          const run = await runUntilKilled(dataDirectory.path, models.embeddingModelPath, next, delayMs);
          const context = `seed ${seed}, round ${round}, killed ${delayMs} ms after open, ${run.acknowledged.length} ACKs`;
          writes.record(run);
          next = Math.max(next, ...run.begun.map((operation) => operation + 1));
          acknowledged += run.acknowledged.length;

          await checkRestartedStore(dataDirectory.path, writes, context);
          const recent = writes.latestWrites().filter((write) => write.operation >= next - run.begun.length);
          await checkVectorSearch(runtime, dataDirectory.path, recent, context);
        }
        expect(acknowledged).toBeGreaterThan(0);
        expect(await strayFiles(path.join(dataDirectory.path, 'indexes'))).toEqual([]);
      },
      killLoopTimeoutMs,
    );
  });

  describe('SIGTERM drains in-flight requests', () => {
    test('an upload and an answer in flight when SIGTERM arrives complete, and no partial file is left', async () => {
      const dataDirectory = await temporaryDirectory('andes-drain-');
      try {
        const server = await startServerProcess([
          '--data-dir',
          dataDirectory.path,
          '--model',
          models.chatModelPath,
          '--embedding-model',
          models.embeddingModelPath,
        ]);
        const seeded = new FormData();
        seeded.append('files', new Blob(['# Badges\n\nBadges open the zebra door on level two.\n']), 'badges.md');
        expect(
          (await fetch(`${server.url}/api/collections/drain/documents`, { method: 'POST', body: seeded })).status,
        ).toBe(201);

        // In flight at the signal: an upload the server has accepted (it answered `100 Continue`) whose body is not
        // sent yet, and an answer whose first token has arrived (the tiny model then writes ~500 more).
        const upload = startHeldUpload(server.url, 'late.md', '# Late\n\nThe late pelican report arrives.\n');
        await upload.accepted;
        const answer = await fetch(`${server.url}/api/ask`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
          body: JSON.stringify({ question: 'Which door do badges open?', collection: 'drain' }),
        });
        let firstToken!: () => void;
        const tokenArrived = new Promise<void>((resolve) => (firstToken = resolve));
        const answerEvents = readServerSentEvents(answer, (event) => event.event === 'token' && firstToken());
        await tokenArrived;

        const signalledAt = Date.now();
        const exited = server.stop(); // SIGTERM
        upload.sendBody();
        const [events, uploadResponse, exitCode] = await Promise.all([answerEvents, upload.response, exited]);

        expect(events.at(-1)?.event).toBe('done');
        expect(events.at(-1)!.receivedAt).toBeGreaterThanOrEqual(signalledAt);
        expect(uploadResponse.status).toBe(201);
        expect(JSON.parse(uploadResponse.body).files[0]).toMatchObject({ source: 'late.md', status: 'created' });
        expect(exitCode).toBe(0);
        expect(await strayFiles(dataDirectory.path)).toEqual([]);

        await using store = await SqliteKnowledgeStore.open({ dataDir: dataDirectory.path });
        expect((await store.listDocuments('drain')).map((document) => document.source).sort()).toEqual([
          'badges.md',
          'late.md',
        ]);
        expect(await store.verifyIntegrity()).toMatchObject({ ok: true });
      } finally {
        await dataDirectory.remove();
      }
    });
  });
});

/** A multipart upload that sends its headers with `Expect: 100-continue` and holds the body until `sendBody()`. */
function startHeldUpload(baseUrl: string, fileName: string, content: string) {
  const boundary = 'andes-durability-boundary';
  const body = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${fileName}"\r\n` +
      `Content-Type: text/markdown\r\n\r\n${content}\r\n--${boundary}--\r\n`,
  );
  const request = http.request(`${baseUrl}/api/collections/drain/documents`, {
    method: 'POST',
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': body.byteLength,
      expect: '100-continue',
    },
  });
  const accepted = new Promise<void>((resolve) => request.once('continue', () => resolve()));
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (incoming) => {
      let text = '';
      incoming.on('data', (chunk: Buffer) => (text += chunk.toString()));
      incoming.once('end', () => resolve({ status: incoming.statusCode ?? 0, body: text }));
    });
  });
  request.flushHeaders();
  return { accepted, response, sendBody: () => request.end(body) };
}
