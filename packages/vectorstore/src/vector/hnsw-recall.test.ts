import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChunkFilter } from '@andes-rag/core';
import { documentWrite, randomUnitVector } from '@andes-rag/store-conformance';
import { openTemporaryStore } from '../test-support/temporary-store.js';
import { SqliteKnowledgeStore } from '../store/sqlite-knowledge-store.js';

const dimensions = 64;
const vectorCount = 2000;
const queryCount = 100;
const k = 10;

/** The positions of the exact top k by cosine similarity (the vectors are unit length, so by dot product). */
function exactTopK(vectors: readonly Float32Array[], query: Float32Array, count: number): number[] {
  const scored = vectors.map((vector, position) => {
    let dot = 0;
    for (let axis = 0; axis < dimensions; axis++) dot += vector[axis]! * query[axis]!;
    return { position, dot };
  });
  return scored
    .sort((left, right) => right.dot - left.dot)
    .slice(0, count)
    .map((item) => item.position);
}

/** Recall@10 of the store's vector search against the exact top 10 among `positions`, over `queryCount` random queries. */
async function recallAt10(
  store: SqliteKnowledgeStore,
  vectors: readonly Float32Array[],
  positions: readonly number[],
  filter: ChunkFilter | undefined,
  seed: number,
): Promise<number> {
  let found = 0;
  for (let query = 0; query < queryCount; query++) {
    const vector = randomUnitVector(dimensions, seed + query);
    const hits = await store.searchVector('docs', vector, { k, ...(filter ? { filter } : {}) });
    const chunks = await store.getChunks(
      'docs',
      hits.map((hit) => hit.chunkId),
    );
    const returned = new Set(chunks.map((chunk) => Number(chunk.text.split(' ')[1])));
    const candidates = positions.map((position) => vectors[position]!);
    const exact = exactTopK(candidates, vector, k).map((index) => positions[index]!);
    found += exact.filter((position) => returned.has(position)).length;
  }
  return found / (queryCount * k);
}

describe('hnsw recall', () => {
  const vectors = Array.from({ length: vectorCount }, (_, position) => randomUnitVector(dimensions, position + 1));
  const everyPosition = vectors.map((_, position) => position);
  let opened: Awaited<ReturnType<typeof openTemporaryStore>>;
  let store: SqliteKnowledgeStore;
  let exactStore: SqliteKnowledgeStore;

  beforeAll(async () => {
    opened = await openTemporaryStore({ exactSearchLimit: 0 });
    store = opened.store;
    for (let document = 0; document < vectorCount / 100; document++) {
      const chunks = vectors
        .slice(document * 100, document * 100 + 100)
        .map((vector, position) => ({ text: `vector ${document * 100 + position}`, vector }));
      await store.putDocument(documentWrite({ source: `vectors-${document}.md`, chunks }));
    }
    await store.flush();
    exactStore = await SqliteKnowledgeStore.open({ dataDir: opened.dataDir });
  });
  afterAll(async () => {
    await exactStore.close();
    await opened.cleanup();
  });

  it('finds at least 95% of the exact top 10 for 2,000 random 64-dimensional vectors', async () => {
    expect(await recallAt10(store, vectors, everyPosition, undefined, 100_000)).toBeGreaterThanOrEqual(0.95);
  });

  describe('inside a filter that allows 10% of the vectors', () => {
    const allowedSources = ['vectors-3.md', 'vectors-17.md'];
    const allowedPositions = everyPosition.filter((position) => [3, 17].includes(Math.floor(position / 100)));
    const filterFor = async (on: SqliteKnowledgeStore): Promise<ChunkFilter> => ({
      documentIds: await Promise.all(
        allowedSources.map(async (source) => (await on.findDocumentBySource('docs', source))!.id),
      ),
    });

    it('keeps recall@10 at least 0.95 when hnswlib filters while walking the graph', async () => {
      const filter = await filterFor(store);
      expect(await recallAt10(store, vectors, allowedPositions, filter, 200_000)).toBeGreaterThanOrEqual(0.95);
    });

    it('is exact when the filter leaves few enough chunks to scan', async () => {
      const filter = await filterFor(exactStore);
      expect(await recallAt10(exactStore, vectors, allowedPositions, filter, 200_000)).toBe(1);
    });
  });
});
