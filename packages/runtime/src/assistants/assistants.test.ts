import type { AssistantDefinition } from '@andes-rag/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScriptedRuntime, type ScriptedRuntime } from '../test-support/open-scripted-runtime.js';

// Assistants answer through the one pipeline with their own version's settings; a real store and retriever, a
// scripted chat model (so the prompt and generation options that reach it can be checked exactly).
const hr: AssistantDefinition = {
  description: 'HR questions',
  systemPrompt: 'Answer in one sentence, in the voice of a pirate.',
  collections: ['notes'],
  retrieval: { k: 1 },
  generation: { temperature: 0.3, seed: 11, stop: ['END'], maxTokens: 40 },
  loraAdapter: 'pirate',
  jsonSchema: { type: 'object', properties: { answer: { type: 'string' } } },
};
const question = 'How many vacation days do full-time employees get?';

describe('assistants', () => {
  let scripted: ScriptedRuntime;
  beforeAll(async () => {
    scripted = await openScriptedRuntime(
      { condensed: 'unused', answer: 'Arr, 25 days [1].' },
      { loraAdapters: { pirate: { path: '/adapters/pirate.gguf', scale: 0.5 } }, maxAnswerTokens: 64 },
    );
  });
  afterAll(() => scripted?.remove());

  it('answers with the live version’s prompt, sources and generation settings, and records the version', async () => {
    const { runtime, chatModel, generateOptions } = scripted;
    await runtime.createAssistant('hr', hr);
    const answer = await runtime.ask({ collection: 'ignored', assistant: 'hr', question });
    expect(answer.assistant).toEqual({ name: 'hr', version: 1 });
    expect(answer.citations.map((citation) => citation.source)).toEqual(['vacation.md']);
    const [system, user] = chatModel.prompts.at(-1) ?? [];
    expect(system?.content).toContain('in the voice of a pirate');
    expect(user?.content).toContain('<source n="1"');
    expect(user?.content).not.toContain('<source n="2"');
    expect(generateOptions.at(-1)).toMatchObject({
      temperature: 0.3,
      seed: 11,
      stopSequences: ['END'],
      maxTokens: 40,
      jsonSchema: hr.jsonSchema,
      lora: { path: '/adapters/pirate.gguf', scale: 0.5 },
    });
  });

  it('keeps a new version off until it is released, and rolls back', async () => {
    const { runtime, chatModel } = scripted;
    const second = await runtime.updateAssistant('hr', {
      ...hr,
      systemPrompt: 'Answer formally.',
      retrieval: { k: 2 },
    });
    expect(second.version).toBe(2);
    expect((await runtime.ask({ collection: 'notes', assistant: 'hr', question })).assistant).toEqual({
      name: 'hr',
      version: 1,
    });
    const candidate = await runtime.ask({ collection: 'notes', assistant: 'hr', assistantVersion: 2, question });
    expect(candidate.assistant).toEqual({ name: 'hr', version: 2 });
    expect(chatModel.prompts.at(-1)?.[0]?.content).toContain('Answer formally.');
    await runtime.releaseAssistant('hr', 2);
    expect((await runtime.ask({ collection: 'notes', assistant: 'hr', question })).assistant?.version).toBe(2);
    await runtime.releaseAssistant('hr', 1);
    expect((await runtime.getAssistant('hr')).liveVersion).toBe(1);
    expect((await runtime.listAssistantVersions('hr')).map((version) => version.systemPrompt)).toEqual([
      hr.systemPrompt,
      'Answer formally.',
    ]);
  });

  it('is a served model: chat by its name answers with the live version', async () => {
    const { runtime } = scripted;
    expect(await runtime.models()).toContainEqual({ id: 'hr', kind: 'assistant', assistant: 'hr' });
    const result = await runtime.chat({ model: 'hr', messages: [{ role: 'user', content: question }] });
    expect(result.assistant).toEqual({ name: 'hr', version: 1 });
    expect(result.citations?.map((citation) => citation.source)).toEqual(['vacation.md']);
    expect(result.text).toBe('Arr, 25 days [1].');
  });

  it('refuses an adapter the server does not configure, a taken name, and unknown names', async () => {
    const { runtime } = scripted;
    await expect(runtime.createAssistant('other', { ...hr, loraAdapter: 'missing' })).rejects.toMatchObject({
      code: 'invalid_request',
    });
    await expect(runtime.createAssistant('hr', hr)).rejects.toMatchObject({ code: 'conflict' });
    await expect(runtime.ask({ collection: 'notes', assistant: 'nobody', question })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(runtime.releaseAssistant('hr', 7)).rejects.toMatchObject({ code: 'not_found' });
    await runtime.createAssistant('temporary', hr);
    await runtime.deleteAssistant('temporary');
    await expect(runtime.getAssistant('temporary')).rejects.toMatchObject({ code: 'not_found' });
  });
});
