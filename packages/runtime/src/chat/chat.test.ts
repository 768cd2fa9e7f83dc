import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AndesError } from '@andes-rag/core';
import { openTestRuntime, type TestRuntime } from '../test-support/open-test-runtime.js';

/** The AndesError code a promise rejects with. */
async function rejectionCode(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  return AndesError.isInstance(error) ? error.code : `not an AndesError: ${String(error)}`;
}

describe('chat with the tiny model', () => {
  let opened: TestRuntime;
  let chatModel: string;

  beforeAll(async () => {
    opened = await openTestRuntime({ maxAnswerTokens: 16 });
    chatModel = opened.runtime.readiness().chatModel ?? '';
  });
  afterAll(async () => {
    await opened?.remove();
  });

  it('lists the chat model, the embedding model and one model per collection', async () => {
    const models = await opened.runtime.models();
    expect(models.map((model) => model.kind)).toEqual(['chat', 'embedding', 'collection']);
    expect(models[0]?.id).toBe(chatModel);
    expect(models[2]).toEqual({ id: 'andes:notes', kind: 'collection', collection: 'notes' });
  });

  it('chats plainly with usage counts, streaming the text; max tokens above the context are refused', async () => {
    await expect(
      opened.runtime.chat({
        model: chatModel,
        messages: [{ role: 'user', content: 'Hello there' }],
        generation: { maxTokens: 100_000 },
      }),
    ).rejects.toMatchObject({ code: 'invalid_request', details: { param: 'max_tokens' } });
    const chunks: string[] = [];
    const result = await opened.runtime.chat({
      model: chatModel,
      messages: [{ role: 'user', content: 'Hello there' }],
      generation: { maxTokens: 16 },
      onTextChunk: (text) => chunks.push(text),
    });
    expect(result.model).toBe(chatModel);
    expect(result.promptTokens).toBeGreaterThan(3);
    expect(result.completionTokens).toBeGreaterThan(0);
    expect(result.completionTokens).toBeLessThanOrEqual(16);
    expect(chunks.join('')).toBe(result.text);
    expect(result.citations).toBeUndefined();
  });

  it('answers andes:<collection> from the collection, with citations of its chunks', async () => {
    const result = await opened.runtime.chat({
      model: 'andes:notes',
      messages: [
        { role: 'system', content: 'Answer in one sentence.' },
        { role: 'user', content: 'How do I connect to the WireGuard VPN?' },
      ],
    });
    expect(result.citations?.map((citation) => citation.source)).toContain('vpn.md');
    expect(result.promptTokens).toBeGreaterThan(result.completionTokens);
  });

  it('answers a conversation through the same pipeline as ask with that history (condensed the same way)', async () => {
    const history = [
      { role: 'user' as const, content: 'Hi' },
      { role: 'assistant' as const, content: 'Hello! Ask me about the handbook.' },
    ];
    const question = 'How do I connect to the WireGuard VPN?';
    const result = await opened.runtime.chat({
      model: 'andes:notes',
      messages: [...history, { role: 'user', content: question }],
    });
    const asked = await opened.runtime.ask({ collection: 'notes', question, history });
    expect(result.standaloneQuestion).toBe(asked.standaloneQuestion);
    expect(result.citations).toEqual(asked.citations);
    expect(result.text).toBe(asked.answer);
  });

  it('refuses unknown models, unknown collections and a collection question that is not last', async () => {
    expect(
      await rejectionCode(opened.runtime.chat({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] })),
    ).toBe('not_found');
    expect(
      await rejectionCode(opened.runtime.chat({ model: 'andes:nope', messages: [{ role: 'user', content: 'x' }] })),
    ).toBe('collection_not_found');
    const assistantLast = opened.runtime.chat({
      model: 'andes:notes',
      messages: [{ role: 'assistant', content: 'x' }],
    });
    expect(await rejectionCode(assistantLast)).toBe('invalid_request');
    expect(await rejectionCode(opened.runtime.chat({ model: chatModel, messages: [] }))).toBe('invalid_request');
  });

  it('rejects a prompt that does not fit the context with context_overflow', async () => {
    const long = 'lorem ipsum dolor '.repeat(2000);
    expect(
      await rejectionCode(opened.runtime.chat({ model: chatModel, messages: [{ role: 'user', content: long }] })),
    ).toBe('context_overflow');
  });

  it('embeds with the embedding model only', async () => {
    const embeddingModel = opened.runtime.readiness().embeddingModel ?? '';
    const result = await opened.runtime.embed({ model: embeddingModel, input: ['first text', 'second text'] });
    expect(result.vectors).toHaveLength(2);
    const dimensions = result.vectors[0]?.length ?? 0;
    expect(dimensions).toBeGreaterThan(0);
    expect(result.vectors[1]).toHaveLength(dimensions);
    expect(await rejectionCode(opened.runtime.embed({ model: chatModel, input: ['x'] }))).toBe('not_found');
    expect(await rejectionCode(opened.runtime.embed({ model: embeddingModel, input: [''] }))).toBe('invalid_request');
  });
});
