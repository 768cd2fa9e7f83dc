import type { LlamaChatModel } from '@andes-rag/inference';
import type { SqliteKnowledgeStore } from '@andes-rag/vectorstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../ingestion/ingest-document.js';
import { buildAnswerPrompt } from '../prompt/build-answer-prompt.js';
import { HybridRetriever } from '../search/hybrid-retriever.js';
import { handbookFiles } from '../test-support/handbook-corpus.js';
import { openTemporaryStore } from '../test-support/temporary-store.js';
import { loadTestBackend, loadTinyChatModel } from '../test-support/tiny-models.js';
import { answerQuestion } from './answer-question.js';

// The tiny chat model has random weights: its text is noise, but tokens, streaming and citations are real.
describe('answerQuestion with the tiny Llama 3 chat model', () => {
  let llama: Awaited<ReturnType<typeof loadTestBackend>>;
  let chatModel: LlamaChatModel;
  let store: SqliteKnowledgeStore;
  let cleanup: () => Promise<void>;
  let retriever: HybridRetriever;
  beforeAll(async () => {
    llama = await loadTestBackend();
    chatModel = await loadTinyChatModel(llama);
    ({ store, cleanup } = await openTemporaryStore());
    for (const file of handbookFiles()) await ingestDocument({ store, collection: 'handbook', ...file });
    retriever = new HybridRetriever({ store });
  }, 120_000);
  afterAll(async () => {
    await cleanup();
    await chatModel.dispose();
    await llama.dispose();
  });

  it('streams the generated answer and cites numbered sources that are stored chunks', async () => {
    const question = 'How many weeks of parental leave do new parents get?';
    const hits = await retriever.search('handbook', question, { k: 4 });
    const streamed: string[] = [];
    const answer = await answerQuestion({
      question,
      hits,
      chatModel,
      maxAnswerTokens: 12,
      temperature: 0,
      onTextChunk: (text) => streamed.push(text),
    });

    expect(answer.mode).toBe('generative');
    expect(streamed.length).toBeGreaterThan(1);
    expect(streamed.join('').trim()).toBe(answer.answer);
    expect(answer.citations.length).toBeGreaterThan(0);
    const stored = await store.getChunks(
      'handbook',
      answer.citations.map((citation) => citation.chunkId),
    );
    expect(stored.map((chunk) => chunk.id)).toEqual(answer.citations.map((citation) => citation.chunkId));
    for (const citation of answer.citations) {
      expect(citation.chunkId).toBe(hits[citation.n - 1]?.chunkId);
      expect(citation.text).toBe(stored.find((chunk) => chunk.id === citation.chunkId)?.text);
    }
  }, 60_000);

  it('fits the prompt to a small budget counted in model tokens, leaving room the model agrees with', async () => {
    const question = 'What are the rules for travel, vacation, passwords and deployments?';
    const hits = await retriever.search('handbook', question, { k: 10 });
    const prompt = buildAnswerPrompt({
      question,
      hits,
      countTokens: (text) => chatModel.countTokens(text),
      contextSize: 300,
      maxAnswerTokens: 16,
    });
    expect(prompt.sources.length).toBeGreaterThan(0);
    expect(prompt.sources.length).toBeLessThan(hits.length);
    expect(prompt.sources.map((source) => source.chunkId)).toEqual(
      hits.slice(0, prompt.sources.length).map((hit) => hit.chunkId),
    );
    expect(prompt.promptTokens + 16).toBeLessThanOrEqual(300);
    const generation = await chatModel.generate(prompt.messages, { maxTokens: 4, temperature: 0 });
    expect(generation.promptTokens).toBeLessThanOrEqual(prompt.promptTokens);
  }, 60_000);
});
