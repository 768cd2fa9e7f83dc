import type { SqliteKnowledgeStore } from '@andes-rag/vectorstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../ingestion/ingest-document.js';
import { handbookFiles } from '../test-support/handbook-corpus.js';
import { openTemporaryStore } from '../test-support/temporary-store.js';
import { documentAwareRanking } from './document-aware-ranking.js';
import { HybridRetriever } from './hybrid-retriever.js';

describe('HybridRetriever with BM25 on a real store', () => {
  let store: SqliteKnowledgeStore;
  let cleanup: () => Promise<void>;
  let retriever: HybridRetriever;
  beforeAll(async () => {
    ({ store, cleanup } = await openTemporaryStore());
    for (const file of handbookFiles()) await ingestDocument({ store, collection: 'handbook', ...file });
    retriever = new HybridRetriever({ store });
  });
  afterAll(async () => cleanup());

  it.each([
    ['How many days off do I get each year?', 'handbook/vacation.md'],
    ['my connection keeps dropping when I work from home', 'it/vpn.md'],
    ['what is the shortest password length allowed', 'security/passwords.md'],
    ['is a hotel paid for when I travel for business', 'finance/expenses.html'],
    ['how long can I stay home with a new baby', 'benefits/parental-leave.txt'],
    ['which days can we ship a release to production', 'engineering/deploys.md'],
  ])('finds the right document for "%s"', async (query, source) => {
    const hits = await retriever.search('handbook', query, { k: 3 });
    expect(hits[0]?.source).toBe(source);
    expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((left, right) => right - left));
  });

  it('returns hydrated hits whose text is the chunk text at its offsets', async () => {
    const [hit] = await retriever.search('handbook', 'WireGuard configuration file', { k: 1 });
    expect(hit).toMatchObject({
      source: 'it/vpn.md',
      title: 'Connecting to the VPN',
      headingPath: ['Connecting to the VPN', 'Installing the client'],
    });
    expect(hit?.text).toContain('import the configuration file');
    expect(hit?.endOffset).toBe((hit?.startOffset ?? 0) + (hit?.text.length ?? 0));
  });

  it('applies a filter inside the search', async () => {
    const unfiltered = await retriever.search('handbook', 'leave', { k: 10 });
    expect(new Set(unfiltered.map((hit) => hit.source.split('/')[0]))).toEqual(new Set(['handbook', 'benefits']));
    const hits = await retriever.search('handbook', 'leave', { k: 10, filter: { sourcePrefix: 'benefits/' } });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.source.startsWith('benefits/'))).toBe(true);
  });

  it('explains each stage: BM25 ranks and scores, dense skipped without an embedding model', async () => {
    const plain = new HybridRetriever({ store, documentBoost: 0 });
    const { hits, trace } = await plain.explain('handbook', 'password manager', { k: 2 });
    expect(trace).toMatchObject({ query: 'password manager', k: 2, candidates: 40 });
    expect(trace.stages.map((stage) => [stage.name, stage.skipped])).toEqual([
      ['lexical', undefined],
      ['dense', 'no embedding model configured'],
    ]);
    expect(trace.hits.map((hit) => hit.chunkId)).toEqual(hits.map((hit) => hit.chunkId));
    expect(trace.hits[0]).toMatchObject({
      rank: 1,
      score: hits[0]?.score,
      stages: { lexical: { rank: 1, score: hits[0]?.score } },
    });
    expect(trace.rrfK).toBeUndefined();
    expect(trace.documentBoost).toBeUndefined();
  });

  it("ranks by document by default: a chunk gains 0.3 × its document's best other candidate, shown as a stage", async () => {
    const { hits, trace } = await retriever.explain('handbook', 'leave days', { k: 5 });
    expect(trace.documentBoost).toBe(0.3);
    expect(trace.stages.map((stage) => stage.name)).toEqual(['lexical', 'dense', 'document']);
    const [lexical, , document] = trace.stages;
    const chunks = await store.getChunks('handbook', lexical?.candidates.map((candidate) => candidate.chunkId) ?? []);
    const documentOf = new Map(chunks.map((chunk) => [chunk.id, chunk.documentId]));
    const expected = documentAwareRanking(lexical?.candidates ?? [], (chunkId) => documentOf.get(chunkId), 0.3);
    expect(document?.candidates.map(({ chunkId, score }) => ({ chunkId, score }))).toEqual(expected);
    expect(hits.map((hit) => [hit.chunkId, hit.score])).toEqual(
      expected.slice(0, 5).map(({ chunkId, score }) => [chunkId, score]),
    );
    expect(trace.hits[0]?.stages.document).toEqual({ rank: 1, score: hits[0]?.score });
    // The boost changed something here: some chunk's score is above its BM25 score.
    expect(
      expected.some(
        ({ chunkId, score }) =>
          score > (lexical?.candidates.find((candidate) => candidate.chunkId === chunkId)?.score ?? score),
      ),
    ).toBe(true);
  });

  it('rejects an unknown collection, a blank query and a bad k', async () => {
    await expect(retriever.search('nope', 'vpn', { k: 3 })).rejects.toMatchObject({ code: 'collection_not_found' });
    await expect(retriever.search('handbook', '  ', { k: 3 })).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(retriever.search('handbook', 'vpn', { k: 0 })).rejects.toMatchObject({ code: 'invalid_request' });
    expect(() => new HybridRetriever({ store, documentBoost: -1 })).toThrow(/documentBoost/);
  });
});
