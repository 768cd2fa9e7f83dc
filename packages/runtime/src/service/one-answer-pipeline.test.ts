import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { noopLogger } from '@andes-rag/core';
import { createDefaultParserRegistry, notCoveredAnswer } from '@andes-rag/retrieval';
import { SqliteKnowledgeStore } from '@andes-rag/vectorstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/andes-config.js';
import { scriptedChatModel, type ScriptedChatModel } from '../test-support/scripted-chat-model.js';
import { AndesRuntime } from './andes-runtime.js';

// The wiring of the one answer pipeline: a real store and retriever, with a scripted chat model (its replies are
// fixed, so what reaches it and what is retrieved can be checked exactly). `ask` and `chat` with `andes:<collection>`
// must condense a follow-up with the history, keep the history in the answer prompt, apply the relevance threshold,
// and cite the same chunks.
const notes: Record<string, string> = {
  'vacation.md':
    '# Vacation\n\nFull-time employees get 25 days of paid time off per year. Request leave two weeks ahead.\n',
  'vpn.md':
    '# VPN\n\nConnect to the office network through the WireGuard VPN. Install it from the self-service portal.\n',
};
const history = [
  { role: 'user' as const, content: 'How many vacation days do full-time employees get?' },
  { role: 'assistant' as const, content: 'They get 25 days [1].' },
];
const followUp = 'What about part-timers then?';

describe('one answer pipeline behind ask and chat', () => {
  let dataDir: string;
  let runtime: AndesRuntime;
  let chatModel: ScriptedChatModel;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'andes-pipeline-'));
    chatModel = scriptedChatModel({
      condensed: 'How many vacation days do part-time employees get?',
      answer: 'From the sources [1].',
    });
    const store = await SqliteKnowledgeStore.open({ dataDir, logger: noopLogger });
    const config = loadConfig({ dataDir, threads: 1, gpu: 'cpu' }, {});
    const models = { chatModel, embeddingModel: undefined, dispose: async () => {} };
    runtime = new AndesRuntime({ config, store, models, parsers: createDefaultParserRegistry(), logger: noopLogger });
    const inputs = Object.entries(notes).map(([source, text]) => ({ source, bytes: new TextEncoder().encode(text) }));
    await runtime.ingest('notes', inputs);
  });
  afterAll(async () => {
    await runtime?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const chatSources = async (messages: Array<{ role: 'system' | 'user' | 'assistant'; content: string }>) => {
    const result = await runtime.chat({ model: 'andes:notes', messages });
    return {
      text: result.text,
      sources: (result.citations ?? []).map((citation) => citation.chunkId),
      standalone: result.standaloneQuestion,
    };
  };
  const askSources = async (question: string, askHistory?: typeof history) => {
    const answer = await runtime.ask({ collection: 'notes', question, ...(askHistory ? { history: askHistory } : {}) });
    return {
      text: answer.answer,
      sources: answer.citations.map((citation) => citation.chunkId),
      standalone: answer.standaloneQuestion,
    };
  };

  it('answers an on-topic question with the same citations from both entry points', async () => {
    const asked = await askSources('How do I connect to the WireGuard VPN?');
    const chatted = await chatSources([{ role: 'user', content: 'How do I connect to the WireGuard VPN?' }]);
    expect(asked.sources.length).toBeGreaterThan(0);
    expect(chatted).toEqual(asked);
  });

  it('says "not covered" with no citation for an off-topic question from both entry points, without generating', async () => {
    const before = chatModel.prompts.length;
    const asked = await askSources('Which football team won the World Cup final played near the office?');
    const chatted = await chatSources([
      { role: 'user', content: 'Which football team won the World Cup final played near the office?' },
    ]);
    expect(asked).toEqual({ text: notCoveredAnswer, sources: [], standalone: undefined });
    expect(chatted).toEqual(asked);
    expect(chatModel.prompts.length).toBe(before);
  });

  it('condenses a follow-up with the history and keeps the history in the answer prompt, in both entry points', async () => {
    const asked = await askSources(followUp, history);
    expect(asked.standalone).toBe('How many vacation days do part-time employees get?');
    expect(asked.sources).toEqual([expect.stringMatching(/.+/u)]);
    const answerPrompt = chatModel.prompts.at(-1) ?? [];
    expect(answerPrompt.map((message) => message.content)).toEqual(
      expect.arrayContaining(history.map((message) => message.content)),
    );

    const chatted = await chatSources([...history, { role: 'user', content: followUp }]);
    expect(chatted).toEqual(asked);
    const chatPrompt = chatModel.prompts.at(-1) ?? [];
    expect(chatPrompt.map((message) => message.content)).toEqual(
      expect.arrayContaining(history.map((message) => message.content)),
    );
  });

  it('adds a chat request’s system messages to the answering instructions', async () => {
    await chatSources([
      { role: 'system', content: 'Answer in French.' },
      { role: 'user', content: 'How do I connect to the WireGuard VPN?' },
    ]);
    const instructions = chatModel.prompts.at(-1)?.[0]?.content ?? '';
    expect(instructions).toContain('Answer in French.');
    expect(instructions).not.toBe('Answer in French.');
  });
});
