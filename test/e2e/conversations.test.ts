import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureTestModels } from '@andes-rag/testing';
import { runCli } from '../support/run-cli.js';
import { samplesDirectory, temporaryDirectory } from '../support/repository.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { readServerSentEvents } from '../support/sse.js';

// Conversations on a real server with the tiny chat model: messages answered like /api/ask (JSON and SSE) and
// stored with their prompt, rated, then exported by the real CLI as an OpenAI chat-format fine-tuning set.
describe('conversations, feedback and the fine-tuning export', () => {
  let dataDirectory: Awaited<ReturnType<typeof temporaryDirectory>>;
  let server: ServerProcess | undefined;
  let dataArgs: string[];

  const call = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${server?.url}${route}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as Record<string, any> };
  };

  beforeAll(async () => {
    const models = await ensureTestModels();
    dataDirectory = await temporaryDirectory();
    dataArgs = ['--data-dir', dataDirectory.path];
    expect((await runCli(['ingest', samplesDirectory, ...dataArgs, '--collection', 'handbook'])).exitCode).toBe(0);
    server = await startServerProcess([...dataArgs, '--model', models.chatModelPath], { ANDES_MAX_TOKENS: '16' });
  });

  afterAll(async () => {
    await server?.stop();
    await dataDirectory?.remove();
  });

  test('bad input and unknown conversations get 4xx with codes', async () => {
    const neither = await call('POST', '/api/conversations', {});
    expect([neither.status, neither.body.error.code]).toEqual([400, 'invalid_request']);
    expect((await call('POST', '/api/conversations', { collection: 'missing' })).status).toBe(404);
    const { id } = (await call('POST', '/api/conversations', { collection: 'handbook' })).body;
    const empty = await call('POST', `/api/conversations/${id}/messages`, { content: '' });
    expect([empty.status, empty.body.error.code]).toEqual([400, 'invalid_request']);
    expect((await call('POST', '/api/conversations/conv_missing/messages', { content: 'hello' })).status).toBe(404);
    expect((await call('DELETE', `/api/conversations/${id}`)).status).toBe(204);
    expect((await call('GET', `/api/conversations/${id}`)).status).toBe(404);
  });

  test('a conversation stores each answer with citations and version, streams, is rated and exported', async () => {
    const assistant = await call('POST', '/api/assistants', {
      name: 'travel',
      collections: ['handbook'],
      systemPrompt: 'Answer in one line.',
    });
    expect(assistant.status).toBe(201);
    const created = await call('POST', '/api/conversations', { assistant: 'travel' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const first = await call('POST', `/api/conversations/${id}/messages`, {
      content: 'Who approves international travel?',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      conversationId: id,
      mode: 'generative',
      assistant: { name: 'travel', version: 1 },
    });
    expect(first.body.citations.length).toBeGreaterThan(0);

    const streamed = await fetch(`${server?.url}/api/conversations/${id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ content: 'And how early do I have to ask them?' }),
    });
    const events = await readServerSentEvents(streamed);
    const done = JSON.parse(events.at(-1)?.data ?? '{}') as Record<string, any>;
    expect(events.at(-1)?.event).toBe('done');
    expect(
      events
        .filter((event) => event.event === 'token')
        .map((event) => JSON.parse(event.data).text)
        .join(''),
    ).toBe(done.answer);

    const conversation = (await call('GET', `/api/conversations/${id}`)).body;
    expect(
      conversation.messages.map((message: { role: string; content: string }) => [message.role, message.content]),
    ).toEqual([
      ['user', 'Who approves international travel?'],
      ['assistant', first.body.answer],
      ['user', 'And how early do I have to ask them?'],
      ['assistant', done.answer],
    ]);
    expect(conversation.messages[3]).toMatchObject({ id: done.messageId, assistant: { name: 'travel', version: 1 } });
    expect((await call('GET', '/api/conversations')).body.conversations.map((item: { id: string }) => item.id)).toEqual(
      [id],
    );

    const rated = await call('POST', `/api/conversations/${id}/messages/${first.body.messageId}/feedback`, {
      rating: 'up',
      comment: 'right',
    });
    expect(rated.status).toBe(200);
    expect(rated.body.feedback).toMatchObject({ rating: 'up', comment: 'right' });
    await call('POST', `/api/conversations/${id}/messages/${done.messageId}/feedback`, { rating: 'down' });
    const badRating = await call('POST', `/api/conversations/${id}/messages/${first.body.messageId}/feedback`, {
      rating: 'meh',
    });
    expect([badRating.status, badRating.body.error.code]).toEqual([400, 'invalid_request']);
    expect(
      (
        await call('POST', `/api/conversations/${id}/messages/${first.body.questionMessageId}/feedback`, {
          rating: 'up',
        })
      ).status,
    ).toBe(404);

    await server?.stop();
    server = undefined;
    const out = path.join(dataDirectory.path, 'travel.jsonl');
    const exported = await runCli([
      'export-dataset',
      '--assistant',
      'travel',
      '--feedback',
      'up',
      '--out',
      out,
      ...dataArgs,
    ]);
    expect(exported.exitCode, exported.stderr).toBe(0);
    const lines = (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { messages: Array<{ role: string; content: string }> });
    expect(lines).toHaveLength(1);
    const messages = lines[0]?.messages ?? [];
    expect(messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant']);
    expect(messages[0]?.content).toContain('Answer in one line.');
    expect(messages[1]?.content).toContain('<source n="1"');
    expect(messages[1]?.content).toContain('Who approves international travel?');
    expect(messages[2]?.content).toBe(first.body.answer);
  });
});
