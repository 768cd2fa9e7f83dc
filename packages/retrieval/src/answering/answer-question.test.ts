import type { ChatMessage, ChatModel, GenerateOptions, Generation } from '@andes-rag/core';
import { describe, expect, it } from 'vitest';
import { countWordsAsTokens, makeHit } from '../test-support/make-hit.js';
import { answerQuestion } from './answer-question.js';
import { notCoveredAnswer } from './no-answer.js';

const hits = [
  makeHit(
    'vacation',
    '## Vacation\n\nThe office is in Lisbon. Employees receive 25 days of paid vacation per year. Unused days expire in March. Parking is free. Bikes are welcome.',
    {
      title: 'Handbook',
      headingPath: ['Handbook', 'Vacation'],
    },
  ),
  makeHit('sick', 'Sick leave needs a doctor note after three days.'),
  makeHit('laptops', 'Laptops are replaced every three years.'),
  makeHit('parking', 'Visitors park in the north lot.'),
];

/** Stands in for the chat model to test the code around it: replies with fixed text in two pieces. */
function scriptedChatModel(reply: string): ChatModel & { prompts: ChatMessage[][] } {
  const prompts: ChatMessage[][] = [];
  return {
    id: 'scripted',
    contextSize: 2048,
    prompts,
    countTokens: countWordsAsTokens,
    async generate(messages: ChatMessage[], options: GenerateOptions = {}): Promise<Generation> {
      prompts.push(messages);
      const middle = Math.floor(reply.length / 2);
      options.onTextChunk?.(reply.slice(0, middle));
      options.onTextChunk?.(reply.slice(middle));
      return { text: reply, finishReason: 'stop', promptTokens: 10, completionTokens: 5 };
    },
    async dispose() {},
  };
}

describe('answerQuestion without a chat model (extractive)', () => {
  it('labels the answer, shows the top passages trimmed to the sentences that match the question, and cites them', async () => {
    const streamed: string[] = [];
    const answer = await answerQuestion({
      question: 'How many vacation days do employees get, and is parking free?',
      hits,
      onTextChunk: (text) => streamed.push(text),
    });
    expect(answer.mode).toBe('extractive');
    expect(answer.answer.startsWith('Most relevant passages (no generation model configured):')).toBe(true);
    expect(answer.answer).toContain(
      '[1] Handbook > Vacation: … Employees receive 25 days of paid vacation per year. Unused days expire in March. Parking is free. …',
    );
    expect(answer.answer).not.toContain('## Vacation');
    expect(answer.answer).toContain('[3] Title laptops: Laptops are replaced every three years.');
    expect(answer.answer).not.toContain('[4]');
    expect(answer.citations.map((citation) => [citation.n, citation.chunkId])).toEqual([
      [1, 'vacation'],
      [2, 'sick'],
      [3, 'laptops'],
    ]);
    expect(answer.citations[0]).toMatchObject({
      source: 'docs/vacation.md',
      documentId: 'document-vacation',
      text: hits[0]?.text,
    });
    expect(streamed).toEqual([answer.answer]);
  });
});

describe('answerQuestion with a chat model (generative)', () => {
  it('streams the answer and returns only the sources it cites, numbered as in the prompt', async () => {
    const model = scriptedChatModel('Employees get 25 days [1], and sick notes follow [3, 9].');
    const streamed: string[] = [];
    const answer = await answerQuestion({
      question: 'Vacation?',
      hits,
      chatModel: model,
      maxAnswerTokens: 50,
      onTextChunk: (text) => streamed.push(text),
    });
    expect(streamed.join('')).toBe('Employees get 25 days [1], and sick notes follow [3, 9].');
    expect(answer).toMatchObject({
      mode: 'generative',
      answer: 'Employees get 25 days [1], and sick notes follow [3, 9].',
    });
    expect(answer.citations.map((citation) => [citation.n, citation.chunkId])).toEqual([
      [1, 'vacation'],
      [3, 'laptops'],
    ]);
    expect(model.prompts[0]?.[1]?.content).toContain('<source n="4" title="Title parking" path="docs/parking.md">');
  });

  it('returns every source it was shown when the answer cites none', async () => {
    const answer = await answerQuestion({
      question: 'Vacation?',
      hits,
      chatModel: scriptedChatModel('Twenty-five days.'),
      maxAnswerTokens: 50,
    });
    expect(answer.citations.map((citation) => citation.n)).toEqual([1, 2, 3, 4]);
  });
});

describe('answerQuestion with no hits', () => {
  it.each([
    ['extractive', undefined],
    ['generative', scriptedChatModel('should not be called')],
  ] as const)('says the documents do not cover the question (%s)', async (mode, chatModel) => {
    const streamed: string[] = [];
    const answer = await answerQuestion({
      question: 'Who won the 1998 World Cup?',
      hits: [],
      ...(chatModel ? { chatModel } : {}),
      onTextChunk: (text) => streamed.push(text),
    });
    expect(answer).toEqual({ answer: notCoveredAnswer, mode, citations: [] });
    expect(answer.answer).toBe('The documents in this collection do not cover this question.');
    expect(streamed).toEqual([notCoveredAnswer]);
    expect(chatModel?.prompts ?? []).toEqual([]);
  });
});

describe('answerQuestion cancellation', () => {
  it('rejects with aborted before doing any work when the signal has fired', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(answerQuestion({ question: 'q', hits, signal: controller.signal })).rejects.toMatchObject({
      code: 'aborted',
    });
  });
});

describe('answerQuestion: sources before the text (onCitations)', () => {
  const record = () => {
    const events: Array<{ kind: 'citations'; numbers: number[] } | { kind: 'text' }> = [];
    return {
      events,
      onCitations: (citations: Array<{ n: number }>) =>
        events.push({ kind: 'citations', numbers: citations.map((citation) => citation.n) }),
      onTextChunk: () => events.push({ kind: 'text' }),
    };
  };

  it('generative: every source shown comes first; the answer cites the same objects it cited', async () => {
    const recorded = record();
    let shown: unknown[] = [];
    const answer = await answerQuestion({
      question: 'How many vacation days?',
      hits,
      chatModel: scriptedChatModel('Employees get 25 days [1], with a note after three sick days [2].'),
      onTextChunk: recorded.onTextChunk,
      onCitations: (citations) => {
        shown = citations;
        recorded.onCitations(citations);
      },
    });
    expect(recorded.events[0]).toEqual({ kind: 'citations', numbers: [1, 2, 3, 4] });
    expect(recorded.events.slice(1).map((event) => event.kind)).toEqual(
      Array.from({ length: recorded.events.length - 1 }, () => 'text'),
    );
    expect(recorded.events.length).toBeGreaterThan(1);
    expect(answer.citations).toEqual(shown.slice(0, 2));
  });

  it('extractive: the passages shown, first; not covered: an empty list, first', async () => {
    const extractive = record();
    const answer = await answerQuestion({ question: 'vacation days', hits, ...extractive });
    expect(extractive.events).toEqual([{ kind: 'citations', numbers: [1, 2, 3] }, { kind: 'text' }]);
    expect(answer.citations.map((citation) => citation.n)).toEqual([1, 2, 3]);
    const none = record();
    await answerQuestion({ question: 'vacation days', hits: [], ...none });
    expect(none.events).toEqual([{ kind: 'citations', numbers: [] }, { kind: 'text' }]);
  });
});
