import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationStore, NewConversationMessage } from '@andes-rag/core';
import { expectAndesError } from './conformance-fixtures.js';

/** Opens a fresh, empty conversation store for one test; `cleanup` closes it and removes what it created. */
export type OpenConversationStore = () => Promise<{ store: ConversationStore; cleanup: () => Promise<void> }>;

const prompt = [
  { role: 'system' as const, content: 'Answer from the sources.\n<source n="1">Laptops ship on day one.</source>' },
  { role: 'user' as const, content: 'When do laptops ship?' },
];

const answer: NewConversationMessage = {
  role: 'assistant',
  content: 'On day one [1].',
  assistant: { name: 'hr', version: 2 },
  mode: 'generative',
  citations: [
    {
      n: 1,
      source: 'it.md',
      chunkId: 'chk_1',
      documentId: 'doc_1',
      title: 'IT',
      headingPath: ['IT'],
      text: 'Laptops ship on day one.',
      startOffset: 0,
      endOffset: 24,
    },
  ],
  prompt,
};

/**
 * Registers the vitest suite every {@link ConversationStore} must pass: ownership listing, messages in order with
 * their citations and prompts, feedback on answers only, the rated-answer export query, and deletion.
 */
export function describeConversationStoreConformance(name: string, openStore: OpenConversationStore): void {
  describe(`ConversationStore conformance: ${name}`, () => {
    let opened: Awaited<ReturnType<OpenConversationStore>> | undefined;
    beforeEach(async () => {
      opened = await openStore();
    });
    afterEach(async () => {
      await opened?.cleanup();
    });
    const store = (): ConversationStore => {
      if (!opened) throw new Error('The store is only open inside a test');
      return opened.store;
    };

    it('keeps messages in order with citations, assistant version and prompt', async () => {
      const conversation = await store().createConversation({ owner: 'key_a', assistant: 'hr' });
      expect(conversation).toMatchObject({ owner: 'key_a', assistant: 'hr' });
      expect(conversation.collection).toBeUndefined();
      const stored = await store().appendMessages(conversation.id, [
        { role: 'user', content: 'When do laptops ship?' },
        answer,
      ]);
      expect(stored.map((message) => message.role)).toEqual(['user', 'assistant']);
      expect(new Set(stored.map((message) => message.id)).size).toBe(2);
      const messages = await store().listMessages(conversation.id);
      expect(messages).toEqual(stored);
      expect(messages[1]).toMatchObject({ ...answer, conversationId: conversation.id });
      expect(messages[0]?.prompt).toBeUndefined();
      await expectAndesError(store().appendMessages('conv_missing', [answer]), 'not_found');
    });

    it('lists only the owner’s conversations and deletes one with its messages', async () => {
      const mine = await store().createConversation({ owner: 'key_a', collection: 'handbook' });
      await store().createConversation({ owner: 'key_b', collection: 'handbook' });
      await store().appendMessages(mine.id, [{ role: 'user', content: 'hi' }]);
      expect((await store().listConversations('key_a')).map((conversation) => conversation.id)).toEqual([mine.id]);
      expect(await store().deleteConversation(mine.id)).toBe(true);
      expect(await store().deleteConversation(mine.id)).toBe(false);
      expect(await store().getConversation(mine.id)).toBeUndefined();
      expect(await store().listMessages(mine.id)).toEqual([]);
    });

    it('rates answers only, and finds rated answers by assistant, rating and version', async () => {
      const conversation = await store().createConversation({ owner: 'local', assistant: 'hr' });
      const [question, first] = await store().appendMessages(conversation.id, [{ role: 'user', content: 'q' }, answer]);
      const [, unrated] = await store().appendMessages(conversation.id, [{ role: 'user', content: 'q2' }, answer]);
      expect(await store().setFeedback(conversation.id, question?.id ?? '', { rating: 'up' })).toBeUndefined();
      expect(await store().setFeedback('conv_other', first?.id ?? '', { rating: 'up' })).toBeUndefined();
      const rated = await store().setFeedback(conversation.id, first?.id ?? '', { rating: 'up', comment: 'right' });
      expect(rated?.feedback).toMatchObject({ rating: 'up', comment: 'right' });
      expect((await store().listRatedAnswers({ assistant: 'hr', rating: 'up' })).map((message) => message.id)).toEqual([
        first?.id,
      ]);
      expect(await store().listRatedAnswers({ assistant: 'hr', rating: 'up', version: 1 })).toEqual([]);
      expect(await store().listRatedAnswers({ assistant: 'hr', rating: 'down' })).toEqual([]);
      await store().setFeedback(conversation.id, first?.id ?? '', { rating: 'down' });
      expect((await store().listRatedAnswers({ assistant: 'hr', rating: 'down' }))[0]?.prompt).toEqual(prompt);
      expect(unrated?.feedback).toBeUndefined();
    });
  });
}
