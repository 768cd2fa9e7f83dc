import type { LlamaChatModel } from '@andes-rag/inference';
import type { SqliteKnowledgeStore } from '@andes-rag/vectorstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../ingestion/ingest-document.js';
import { HybridRetriever } from '../search/hybrid-retriever.js';
import { handbookFiles } from '../test-support/handbook-corpus.js';
import { openTemporaryStore } from '../test-support/temporary-store.js';
import { loadTestBackend, loadTinyChatModel } from '../test-support/tiny-models.js';
import { QueryRewriter } from './query-rewriter.js';

// The tiny chat model has random weights: its rewrites are noise, so these tests check the plumbing (what is
// generated, searched, fused and traced), not whether a rewrite helps. Quality needs a real model and `andes eval`.
describe('HybridRetriever with query rewriting by the tiny Llama 3 chat model', () => {
  let llama: Awaited<ReturnType<typeof loadTestBackend>>;
  let chatModel: LlamaChatModel;
  let store: SqliteKnowledgeStore;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    llama = await loadTestBackend();
    chatModel = await loadTinyChatModel(llama);
    ({ store, cleanup } = await openTemporaryStore());
    for (const file of handbookFiles()) await ingestDocument({ store, collection: 'handbook', ...file });
  }, 120_000);
  afterAll(async () => {
    await cleanup();
    await chatModel.dispose();
    await llama.dispose();
  });

  it('searches the alternatives and the HyDE passage too, fuses every list, and traces each', async () => {
    const rewriter = new QueryRewriter({ chatModel, multiQuery: 2, hypotheticalDocument: true, maxTokens: 24 });
    const retriever = new HybridRetriever({ store, rewriter });
    const { trace } = await retriever.explain('handbook', 'vacation days', { k: 3 });
    const rewrite = trace.rewrite;
    expect(rewrite).toMatchObject({ original: 'vacation days', query: 'vacation days', condensed: false });
    expect(rewrite?.alternatives.length).toBeLessThanOrEqual(2);
    const searched = [
      ...(rewrite?.alternatives ?? []),
      ...(rewrite?.hypotheticalDocument ? [rewrite.hypotheticalDocument] : []),
    ];
    const variantStages = trace.stages.filter((stage) => stage.query !== undefined);
    expect(variantStages.every((stage) => stage.name === 'lexical' && searched.includes(stage.query as string))).toBe(
      true,
    );
    const ranLists = trace.stages.filter((stage) => stage.name === 'lexical').length;
    expect(trace.stages.some((stage) => stage.name === 'fusion')).toBe(ranLists > 1);
    expect(trace.threshold.covered).toBe(true);
  }, 60_000);

  it('condenses a follow-up only when there is history, and searches what the model wrote', async () => {
    const retriever = new HybridRetriever({ store, rewriter: new QueryRewriter({ chatModel, maxTokens: 16 }) });
    const alone = await retriever.explain('handbook', 'And for part-timers?', { k: 2 });
    expect(alone.trace.rewrite).toMatchObject({ query: 'And for part-timers?', condensed: false });
    const history = [
      { role: 'user' as const, content: 'How many vacation days do I get?' },
      { role: 'assistant' as const, content: '25 days [1].' },
    ];
    const followUp = await retriever.explain('handbook', 'And for part-timers?', { k: 2, history });
    const rewrite = followUp.trace.rewrite;
    expect(rewrite?.durationMs).toBeGreaterThan(0);
    if (rewrite?.condensed) expect(rewrite.query).not.toBe('And for part-timers?');
    else expect(rewrite?.query).toBe('And for part-timers?');
    expect(followUp.trace.query).toBe('And for part-timers?');
  }, 60_000);
});
