import type { AssistantDefinition } from '@andes-rag/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScriptedRuntime, type ScriptedRuntime } from '../test-support/open-scripted-runtime.js';

// An assistant over two collections retrieves from both as one ranking, condenses a follow-up once, and its
// citations name their collection. Real store and retriever; a scripted chat model.
const ops: AssistantDefinition = {
  description: 'HR and travel',
  systemPrompt: '',
  collections: ['notes', 'travel'],
  retrieval: { k: 4 },
  generation: {},
};

const encode = (text: string) => new TextEncoder().encode(text);

describe('an assistant over several collections', () => {
  let scripted: ScriptedRuntime;

  beforeAll(async () => {
    scripted = await openScriptedRuntime({
      condensed: 'What is the nightly hotel cap in Berlin?',
      answer: 'See the sources [1].',
    });
    await scripted.runtime.ingest('travel', [
      {
        source: 'hotels.md',
        bytes: encode('# Hotels\n\nThe nightly hotel cap in Berlin is 180 euros. Book through the travel portal.\n'),
      },
      { source: 'trains.md', bytes: encode('# Trains\n\nTake second class for trips under four hours.\n') },
    ]);
    await scripted.runtime.createAssistant('ops', ops);
  });
  afterAll(() => scripted?.remove());

  it('answers from whichever collection covers the question, citations naming it', async () => {
    const { runtime } = scripted;
    const vacation = await runtime.ask({ collection: '', assistant: 'ops', question: 'How many vacation days?' });
    expect(vacation.citations.map((citation) => [citation.collection, citation.source])).toContainEqual([
      'notes',
      'vacation.md',
    ]);
    expect(vacation.citations.every((citation) => citation.collection === 'notes')).toBe(true);
    const hotel = await runtime.ask({ collection: '', assistant: 'ops', question: 'What is the nightly hotel cap?' });
    expect(hotel.citations.map((citation) => [citation.collection, citation.source])).toEqual([
      ['travel', 'hotels.md'],
    ]);
  });

  it('merges both collections into one list of sources when both cover the question', async () => {
    const { runtime, chatModel } = scripted;
    await runtime.ask({
      collection: '',
      assistant: 'ops',
      question: 'Vacation days per year and the nightly hotel cap in Berlin?',
    });
    const prompt = chatModel.prompts.at(-1)?.at(-1)?.content ?? '';
    expect(prompt).toContain('path="vacation.md"');
    expect(prompt).toContain('path="hotels.md"');
    const explained = await runtime.searchAsAssistant(
      await runtime.resolveAssistant('ops'),
      'vacation days hotel cap',
      4,
    );
    expect(new Set(explained.map((hit) => hit.collection))).toEqual(new Set(['notes', 'travel']));
  });

  it('condenses a follow-up once, not once per collection', async () => {
    const { runtime, chatModel } = scripted;
    const before = chatModel.prompts.length;
    const answer = await runtime.ask({
      collection: '',
      assistant: 'ops',
      question: 'And in Berlin?',
      history: [
        { role: 'user', content: 'What is the hotel cap in Munich?' },
        { role: 'assistant', content: 'The sources do not say.' },
      ],
    });
    const condensing = chatModel.prompts
      .slice(before)
      .filter((messages) => messages.at(-1)?.content.trimEnd().endsWith('Standalone question:'));
    expect(condensing).toHaveLength(1);
    expect(answer.standaloneQuestion).toBe('What is the nightly hotel cap in Berlin?');
    expect(answer.citations.map((citation) => citation.collection)).toContain('travel');
  });

  it('refuses a collection named twice and more collections than allowed', async () => {
    const { runtime } = scripted;
    const { parseAssistantDefinition } = await import('./assistant-definition-schema.js');
    expect(() => parseAssistantDefinition({ ...ops, collections: ['notes', 'notes'] })).toThrow(/named twice/);
    const many = Array.from({ length: 17 }, (_, index) => `c${index}`);
    expect(() => parseAssistantDefinition({ ...ops, collections: many })).toThrow(/at most 16/);
    await expect(
      runtime.ask({ collection: '', assistant: 'ops', assistantVersion: 9, question: 'x' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
