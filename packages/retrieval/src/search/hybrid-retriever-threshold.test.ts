import type { SqliteKnowledgeStore } from '@andes-rag/vectorstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../ingestion/ingest-document.js';
import {
  coveredHandbookQuestions,
  offTopicHandbookQuestions,
  sampleHandbookFiles,
} from '../test-support/sample-handbook.js';
import { openTemporaryStore } from '../test-support/temporary-store.js';
import { HybridRetriever } from './hybrid-retriever.js';

// Measured on the CLI's sample handbook (10 documents) with the default threshold, over the 6 hits `ask` answers
// from by default (`answerSources`): the numbers in the README.
describe('the relevance threshold on the sample handbook (BM25, default settings)', () => {
  let store: SqliteKnowledgeStore;
  let cleanup: () => Promise<void>;
  let retriever: HybridRetriever;
  beforeAll(async () => {
    ({ store, cleanup } = await openTemporaryStore());
    for (const file of sampleHandbookFiles()) await ingestDocument({ store, collection: 'handbook', ...file });
    retriever = new HybridRetriever({ store });
  });
  afterAll(async () => cleanup());

  it('says "covered" for every one of 25 questions the handbook answers (no false "not covered")', async () => {
    const notCovered: string[] = [];
    for (const [question] of coveredHandbookQuestions) {
      const { covered } = await retriever.explain('handbook', question, { k: 6 });
      if (!covered) notCovered.push(question);
    }
    expect(notCovered).toEqual([]);
  });

  it('says "not covered" for every one of 10 questions on other topics, though BM25 finds passages for half of them', async () => {
    let withHits = 0;
    for (const question of offTopicHandbookQuestions) {
      const { hits, covered, trace } = await retriever.explain('handbook', question, { k: 6 });
      if (hits.length > 0) withHits += 1;
      expect(covered, question).toBe(false);
      expect(trace.threshold.best).toBeLessThan(trace.threshold.minimum);
      expect(trace.hits.every((hit) => !hit.relevance.cleared)).toBe(true);
    }
    expect(withHits).toBeGreaterThanOrEqual(5);
  });

  it("explains the verdict: the signal, the minimum, and each hit's share of the question's words", async () => {
    const { trace, covered } = await retriever.explain('handbook', 'Can I carry unused vacation days over?', { k: 3 });
    expect(covered).toBe(true);
    expect(trace.threshold).toMatchObject({ signal: 'term-coverage', minimum: 0.34, covered: true });
    expect(trace.hits[0]?.relevance).toEqual({ value: 1, cleared: true });
  });
});
