import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureTestModels } from '@andes-rag/testing';
import { temporaryDirectory } from '../support/repository.js';
import { runCli } from '../support/run-cli.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

interface OpenAiError {
  error: { message: string; type: string; param: string | null; code: string };
}

// Requests that would make the real models do expensive work are refused up front with a clear 400.
describe('HTTP: request limits against amplification', () => {
  let dataDirectory: Awaited<ReturnType<typeof temporaryDirectory>>;
  let server: ServerProcess;
  let chatModel: string;
  let embeddingModel: string;

  const postJson = (route: string, body: unknown) =>
    fetch(`${server.url}${route}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    const models = await ensureTestModels();
    dataDirectory = await temporaryDirectory();
    server = await startServerProcess([
      '--data-dir',
      dataDirectory.path,
      '--model',
      models.chatModelPath,
      '--embedding-model',
      models.embeddingModelPath,
    ]);
    const readiness = (await (await fetch(`${server.url}/readyz`)).json()) as {
      chatModel: string;
      embeddingModel: string;
    };
    chatModel = readiness.chatModel;
    embeddingModel = readiness.embeddingModel;
    const form = new FormData();
    form.append(
      'files',
      new Blob(['# Travel\n\nThe nightly hotel cap in Berlin is 180 euros; managers approve travel.\n']),
      'travel.md',
    );
    form.append('files', new Blob(['# Laptops\n\nLaptops are replaced every three years.\n']), 'laptops.md');
    form.append('files', new Blob(['# Leave\n\nParental leave is sixteen weeks.\n']), 'leave.md');
    expect(
      (await fetch(`${server.url}/api/collections/handbook/documents`, { method: 'POST', body: form })).status,
    ).toBe(201);
  });

  afterAll(async () => {
    await server?.stop();
    await dataDirectory?.remove();
  });

  test('more than 256 texts in one embeddings request is 400 on input', async () => {
    const response = await postJson('/v1/embeddings', {
      model: embeddingModel,
      input: Array.from({ length: 257 }, (_, index) => `text ${index}`),
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as OpenAiError;
    expect(error).toMatchObject({ code: 'invalid_request', param: 'input' });
    expect(error.message).toContain('256');
    const small = await postJson('/v1/embeddings', {
      model: embeddingModel,
      input: ['a', 'b'],
      encoding_format: 'float',
    });
    expect(small.status).toBe(200);
  });

  test('a json_schema with a 20,000-value enum is 400 before any grammar is built', async () => {
    const response = await postJson('/v1/chat/completions', {
      model: chatModel,
      messages: [{ role: 'user', content: 'Pick one.' }],
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'pick',
          schema: {
            type: 'object',
            properties: { pick: { enum: Array.from({ length: 20_000 }, (_, index) => `v${index}`) } },
          },
        },
      },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as OpenAiError).error).toMatchObject({
      code: 'invalid_request',
      param: 'response_format.json_schema.schema',
    });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  test('k is 1 to 100 on search and ask alike', async () => {
    expect((await fetch(`${server.url}/api/search?collection=handbook&q=laptop&k=101`)).status).toBe(400);
    expect((await postJson('/api/ask', { question: 'laptop?', collection: 'handbook', k: 101 })).status).toBe(400);
    const wide = await postJson('/api/ask', { question: 'Who approves travel?', collection: 'handbook', k: 60 });
    expect(wide.status).toBe(200);
  });

  test('a question near the length limit is searched, its embedding cut to the query token limit', async () => {
    const question = 'What is the nightly hotel cap for travel to Berlin and who approves it? '
      .repeat(55)
      .slice(0, 3999);
    const response = await fetch(`${server.url}/api/search?collection=handbook&q=${encodeURIComponent(question)}&k=3`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { hits: unknown[] }).hits).toHaveLength(3);
  });

  test('andes ask --k over 100 is refused by the CLI with exit 2', async () => {
    const result = await runCli([
      'ask',
      'laptop?',
      '--k',
      '101',
      '--data-dir',
      dataDirectory.path,
      '--collection',
      'handbook',
    ]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('1 to 100');
  });
});
