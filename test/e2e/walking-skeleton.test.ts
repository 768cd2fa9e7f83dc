import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureTestModels } from '@andes-rag/testing';
import { samplesDirectory, temporaryDirectory } from '../support/repository.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { readServerSentEvents } from '../support/sse.js';
import { folderFormData } from '../support/upload.js';

// The whole RAG path with every layer real: tiny Llama 3 GGUFs built here, a real `andes serve` process,
// multipart upload, SSE answer, restart.
describe('walking skeleton: upload, ask over SSE, restart', () => {
  let dataDirectory: Awaited<ReturnType<typeof temporaryDirectory>>;
  let serverArguments: string[];
  let server: ServerProcess;
  let uploadedNames: string[] = [];
  const question = 'How many days do I have to submit receipts for my expenses?';

  beforeAll(async () => {
    const models = await ensureTestModels();
    dataDirectory = await temporaryDirectory();
    serverArguments = [
      '--data-dir',
      dataDirectory.path,
      '--model',
      models.chatModelPath,
      '--embedding-model',
      models.embeddingModelPath,
    ];
    server = await startServerProcess(serverArguments);
  });

  afterAll(async () => {
    await server?.stop();
    await dataDirectory?.remove();
  });

  test('the server is ready with both models loaded', async () => {
    const response = await fetch(`${server.url}/readyz`);
    expect(response.status).toBe(200);
    const readiness = (await response.json()) as { chatModel: string | null; embeddingModel: string | null };
    expect(readiness.chatModel).toBeTruthy();
    expect(readiness.embeddingModel).toBeTruthy();
  });

  test('uploading a folder stores every document and answers only once they are stored', async () => {
    const { form, names } = await folderFormData(samplesDirectory);
    uploadedNames = names;
    const response = await fetch(`${server.url}/api/collections/handbook/documents`, { method: 'POST', body: form });
    expect(response.status).toBe(201);
    const report = (await response.json()) as { files: Array<{ source: string; status: string }> };
    expect(report.files.map((file) => file.source).sort()).toEqual(names);
    expect(report.files.every((file) => file.status === 'created')).toBe(true);

    const listed = await fetch(`${server.url}/api/collections/handbook/documents`);
    const { documents } = (await listed.json()) as { documents: Array<{ source: string; chunkCount: number }> };
    expect(documents.map((document) => document.source).sort()).toEqual(names);
    expect(documents.every((document) => document.chunkCount > 0)).toBe(true);
  });

  test('asking over SSE streams tokens, then a done event whose citations point at ingested chunks', async () => {
    const response = await fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ question, collection: 'handbook' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = await readServerSentEvents(response);
    const tokens = events.filter((event) => event.event === 'token');
    const done = events.at(-1);
    expect(tokens.length).toBeGreaterThan(1);
    expect(done?.event).toBe('done');

    const answer = JSON.parse(done?.data ?? '{}') as {
      answer: string;
      mode: string;
      citations: Array<{ n: number; source: string; chunkId: string; text: string }>;
    };
    expect(answer.mode).toBe('generative');
    expect(answer.answer).toBe(
      tokens
        .map((event) => (JSON.parse(event.data) as { text: string }).text)
        .join('')
        .trim(),
    );
    expect(answer.citations.length).toBeGreaterThan(0);

    // Every citation is a stored chunk: its source was uploaded, and the same retrieval finds the same chunk ids.
    const search = await fetch(`${server.url}/api/search?collection=handbook&k=20&q=${encodeURIComponent(question)}`);
    const { hits } = (await search.json()) as { hits: Array<{ chunkId: string; text: string }> };
    const hitsById = new Map(hits.map((hit) => [hit.chunkId, hit]));
    for (const citation of answer.citations) {
      expect(uploadedNames).toContain(citation.source);
      expect(hitsById.get(citation.chunkId)?.text).toBe(citation.text);
    }
    const markdownCitation = answer.citations.find((citation) => citation.source.endsWith('.md'));
    if (markdownCitation) {
      const original = await readFile(path.join(samplesDirectory, markdownCitation.source), 'utf8');
      expect(original).toContain(markdownCitation.text.slice(0, 80));
    }
  });

  test('the expense policy is the top hit for the receipts question', async () => {
    const search = await fetch(`${server.url}/api/search?collection=handbook&k=5&q=${encodeURIComponent(question)}`);
    const { hits } = (await search.json()) as { hits: Array<{ source: string }> };
    expect(hits[0]?.source).toBe('expense-policy.md');
  });

  test('after a restart the index answers exactly as before', async () => {
    const query = 'security incident severity levels';
    const before = await (
      await fetch(`${server.url}/api/search?collection=handbook&k=8&q=${encodeURIComponent(query)}`)
    ).json();
    expect(await server.stop()).toBe(0);

    server = await startServerProcess(serverArguments);
    const after = await (
      await fetch(`${server.url}/api/search?collection=handbook&k=8&q=${encodeURIComponent(query)}`)
    ).json();
    expect((after as { hits: unknown[] }).hits.length).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });
});
