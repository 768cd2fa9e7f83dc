import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxJsonSchemaEnumValues } from '@andes-rag/runtime';
import { startTestServer, type TestServer } from '../../testing/start-test-server.js';
import type { OpenAiErrorBody } from './openai-error.js';

describe('json_schema response formats are bounded before a grammar is built', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ jsonBodyLimitBytes: 1024 * 1024 });
  });
  afterAll(async () => {
    await server.close();
  });

  const complete = (schema: Record<string, unknown>) =>
    fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        model: 'fake-chat',
        messages: [{ role: 'user', content: 'Pick one.' }],
        response_format: { type: 'json_schema', json_schema: { name: 'pick', schema } },
      }),
    });

  it('refuses a 20,000-value enum with 400, naming the limit, and runs nothing', async () => {
    const values = Array.from({ length: 20_000 }, (_, index) => `v${index}`);
    const response = await complete({ type: 'object', properties: { pick: { enum: values } } });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as OpenAiErrorBody;
    expect(error.code).toBe('invalid_request');
    expect(error.param).toBe('response_format.json_schema.schema');
    expect(error.message).toMatch(/characters long|enum/);
    expect(server.service.chatCalls).toEqual([]);
  });

  it('refuses an enum just over the limit inside a small schema', async () => {
    const values = Array.from({ length: maxJsonSchemaEnumValues + 1 }, (_, index) => index);
    const response = await complete({ type: 'object', properties: { pick: { enum: values } } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as OpenAiErrorBody).error.message).toContain(`at most ${maxJsonSchemaEnumValues}`);
  });

  it('accepts an enum at the limit', async () => {
    const values = Array.from({ length: maxJsonSchemaEnumValues }, (_, index) => index);
    const response = await complete({ type: 'object', properties: { pick: { enum: values } } });
    expect(response.status).toBe(200);
    expect(server.service.chatCalls.at(-1)?.generation?.jsonSchema).toEqual({
      type: 'object',
      properties: { pick: { enum: values } },
    });
  });
});
