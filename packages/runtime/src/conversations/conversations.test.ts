import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScriptedRuntime, type ScriptedRuntime } from '../test-support/open-scripted-runtime.js';

// Conversations: owned, answered through the one pipeline with the stored turns as history, stored with the
// prompt the model saw, rated, and exported as fine-tuning examples. Real store, scripted chat model.
describe('conversations', () => {
  let scripted: ScriptedRuntime;
  beforeAll(async () => {
    scripted = await openScriptedRuntime({
      condensed: 'How many vacation days do part-time employees get?',
      answer: (messages) => `Answer ${messages.length} [1].`,
    });
    await scripted.runtime.createAssistant('hr', {
      description: '',
      systemPrompt: 'Be brief.',
      collections: ['notes'],
      retrieval: {},
      generation: {},
    });
  });
  afterAll(() => scripted?.remove());

  it('stores each question with its answer, condenses a follow-up and keeps the earlier turns in the prompt', async () => {
    const { runtime, chatModel } = scripted;
    const { id } = await runtime.createConversation({ assistant: 'hr' });
    const first = await runtime.sendMessage({
      conversationId: id,
      content: 'How many vacation days do full-time employees get?',
    });
    expect(first).toMatchObject({ conversationId: id, answer: 'Answer 2 [1].', assistant: { name: 'hr', version: 1 } });
    const second = await runtime.sendMessage({ conversationId: id, content: 'What about part-timers then?' });
    expect(second.standaloneQuestion).toBe('How many vacation days do part-time employees get?');
    const prompt = chatModel.prompts.at(-1) ?? [];
    expect(prompt.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(prompt[2]?.content).toBe('Answer 2 [1].');
    const conversation = await runtime.getConversation(id);
    expect(conversation.messages.map((message) => [message.role, message.content])).toEqual([
      ['user', 'How many vacation days do full-time employees get?'],
      ['assistant', 'Answer 2 [1].'],
      ['user', 'What about part-timers then?'],
      ['assistant', 'Answer 4 [1].'],
    ]);
    expect(conversation.messages[3]).toMatchObject({
      id: second.messageId,
      assistant: { name: 'hr', version: 1 },
      prompt,
    });
    expect(conversation.messages[3]?.citations?.[0]?.source).toBe('vacation.md');
  });

  it('hides a conversation from another owner', async () => {
    const { runtime } = scripted;
    const { id } = await runtime.createConversation({ collection: 'notes', owner: 'key_a' });
    await expect(runtime.getConversation(id, { owner: 'key_b' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(runtime.sendMessage({ conversationId: id, content: 'VPN?', owner: 'key_b' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(runtime.deleteConversation(id, { owner: 'key_b' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await runtime.listConversations({ owner: 'key_b' })).map((conversation) => conversation.id)).not.toContain(
      id,
    );
    expect((await runtime.listConversations({ owner: 'key_a' })).map((conversation) => conversation.id)).toEqual([id]);
    await runtime.deleteConversation(id, { owner: 'key_a' });
    await expect(runtime.getConversation(id, { owner: 'key_a' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('exports answers rated up as the prompt the model saw followed by the answer', async () => {
    const { runtime } = scripted;
    const { id } = await runtime.createConversation({ assistant: 'hr' });
    const liked = await runtime.sendMessage({ conversationId: id, content: 'How do I connect to the WireGuard VPN?' });
    const disliked = await runtime.sendMessage({ conversationId: id, content: 'Where do I install the VPN from?' });
    await runtime.rateMessage({ conversationId: id, messageId: liked.messageId, rating: 'up', comment: 'clear' });
    await runtime.rateMessage({ conversationId: id, messageId: disliked.messageId, rating: 'down' });
    await expect(
      runtime.rateMessage({ conversationId: id, messageId: liked.questionMessageId, rating: 'up' }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    const stored = (await runtime.getConversation(id)).messages.find((message) => message.id === liked.messageId);
    const examples = await runtime.exportDataset({ assistant: 'hr', feedback: 'up' });
    expect(examples).toEqual([{ messages: [...(stored?.prompt ?? []), { role: 'assistant', content: liked.answer }] }]);
    expect(examples[0]?.messages[0]).toMatchObject({ role: 'system' });
    expect(examples[0]?.messages[0]?.content).toContain('Be brief.');
    expect(examples[0]?.messages[1]?.content).toContain('<source n="1"');
    expect((await runtime.exportDataset({ assistant: 'hr', feedback: 'down' })).length).toBe(1);
  });

  it('refuses a conversation with no target, an unknown assistant or collection, and a blank message', async () => {
    const { runtime } = scripted;
    await expect(runtime.createConversation({})).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(runtime.createConversation({ assistant: 'nobody' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(runtime.createConversation({ collection: 'nothing' })).rejects.toMatchObject({
      code: 'collection_not_found',
    });
    const { id } = await runtime.createConversation({ collection: 'notes' });
    await expect(runtime.sendMessage({ conversationId: id, content: '  ' })).rejects.toMatchObject({
      code: 'invalid_request',
    });
    expect((await runtime.getConversation(id)).messages).toEqual([]);
  });
});
