import type { ChatMessage, ChatModel, GenerateOptions, Generation } from '@andes-rag/core';
import { describe, expect, it } from 'vitest';
import { countWordsAsTokens } from '../test-support/make-hit.js';
import { QueryRewriter } from './query-rewriter.js';

/** Stands in for the chat model to test the code around it: answers each call with the next scripted reply. */
function scriptedChatModel(
  ...replies: string[]
): ChatModel & { calls: { messages: ChatMessage[]; options: GenerateOptions }[] } {
  const calls: { messages: ChatMessage[]; options: GenerateOptions }[] = [];
  return {
    id: 'scripted',
    contextSize: 2048,
    calls,
    countTokens: countWordsAsTokens,
    async generate(messages: ChatMessage[], options: GenerateOptions = {}): Promise<Generation> {
      calls.push({ messages, options });
      return { text: replies[calls.length - 1] ?? '', finishReason: 'stop', promptTokens: 1, completionTokens: 1 };
    },
    async dispose() {},
  };
}

const history: ChatMessage[] = [
  { role: 'user', content: 'How many vacation days do full-time employees get?' },
  { role: 'assistant', content: 'Full-time employees get 25 days [1].' },
];

describe('QueryRewriter (around a scripted model)', () => {
  it('condenses a follow-up with the conversation into a standalone question, greedily', async () => {
    const model = scriptedChatModel(
      'Standalone question: How many vacation days do part-time employees get?\nExtra line',
    );
    const rewrite = await new QueryRewriter({ chatModel: model }).rewrite('And part-timers?', { history });
    expect(rewrite).toMatchObject({
      original: 'And part-timers?',
      query: 'How many vacation days do part-time employees get?',
      condensed: true,
      alternatives: [],
    });
    const [call] = model.calls;
    expect(call?.options).toMatchObject({ temperature: 0, maxTokens: 96 });
    expect(call?.messages[1]?.content).toContain(
      'User: How many vacation days do full-time employees get?\nAssistant: Full-time employees get 25 days [1].',
    );
    expect(call?.messages[1]?.content).toContain('Last question: And part-timers?');
  });

  it('leaves a question without history alone, and falls back to it when the reply is unusable', async () => {
    const quiet = scriptedChatModel();
    expect(await new QueryRewriter({ chatModel: quiet }).rewrite('Vacation days?')).toMatchObject({
      query: 'Vacation days?',
      condensed: false,
    });
    expect(quiet.calls).toEqual([]);
    const noisy = await new QueryRewriter({ chatModel: scriptedChatModel(' \n?!\n') }).rewrite('And part-timers?', {
      history,
    });
    expect(noisy).toMatchObject({ query: 'And part-timers?', condensed: false });
  });

  it('adds distinct alternative phrasings (multi-query) and a hypothetical passage (HyDE) when turned on', async () => {
    const model = scriptedChatModel(
      '1. annual leave allowance\n2. Vacation days?\n3. annual leave allowance\n4. holiday entitlement\n5. paid time off',
      'Employees get 25 days of paid vacation.\nUnused days expire.',
    );
    const rewriter = new QueryRewriter({ chatModel: model, multiQuery: 3, hypotheticalDocument: true });
    const rewrite = await rewriter.rewrite('Vacation days?');
    expect(rewrite.alternatives).toEqual(['annual leave allowance', 'holiday entitlement', 'paid time off']);
    expect(rewrite.hypotheticalDocument).toBe('Employees get 25 days of paid vacation. Unused days expire.');
    expect(model.calls[0]?.messages[0]?.content).toMatch(/^Write 3 different search queries/);
  });
});
