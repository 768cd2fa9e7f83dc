import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChunkToEmbed } from '@andes-rag/core';
import { randomUnitVector } from '@andes-rag/store-conformance';
import type { SqliteKnowledgeStore } from '../store/sqlite-knowledge-store.js';
import { documentsWithoutVectors } from '../test-support/documents-without-vectors.js';
import { openTemporaryStore } from '../test-support/temporary-store.js';

const small = { id: 'small-model', dimensions: 8 };
const large = { id: 'large-model', dimensions: 12 };

/** A stand-in embedding: a unit vector seeded by the chunk's text, so the same text always gets the same vector. */
function embed(chunk: ChunkToEmbed, dimensions: number): Float32Array {
  let seed = 0;
  for (const character of chunk.text) seed = (seed * 31 + character.charCodeAt(0)) >>> 0;
  return randomUnitVector(dimensions, seed);
}

/** Embeds every chunk without a vector, `batch` at a time, as `andes reindex` does; returns the batch sizes. */
async function embedAll(store: SqliteKnowledgeStore, model: typeof small, batch: number): Promise<number[]> {
  const sizes: number[] = [];
  for (;;) {
    const { chunks } = await store.chunksWithoutEmbeddings('docs', batch);
    if (chunks.length === 0) return sizes;
    const vectors = chunks.map((chunk) => ({ chunkId: chunk.chunkId, vector: embed(chunk, model.dimensions) }));
    sizes.push(await store.setEmbeddings('docs', vectors, model));
  }
}

describe('embedding chunks stored without vectors', () => {
  let store: SqliteKnowledgeStore;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await openTemporaryStore());
    for (const write of documentsWithoutVectors(5)) await store.putDocument(write);
  });
  afterEach(async () => cleanup());

  it('lists the chunks without vectors with what an embedder needs, and fills them batch by batch', async () => {
    const first = await store.chunksWithoutEmbeddings('docs', 4);
    expect(first.remaining).toBe(15);
    expect(first.chunks).toHaveLength(4);
    expect(first.chunks[0]).toEqual({
      chunkId: expect.stringMatching(/^chk_/),
      title: 'Note 0',
      headingPath: [],
      text: 'Note 0 part 0 about the kerberos keytab.',
    });

    expect(await embedAll(store, small, 4)).toEqual([4, 4, 4, 3]);
    expect(await store.getCollection('docs')).toMatchObject({ embeddingModel: 'small-model', embeddingDimensions: 8 });
    const [target] = first.chunks;
    const [nearest] = await store.searchVector('docs', embed(target!, 8), { k: 1 });
    expect(nearest).toEqual({ chunkId: target!.chunkId, score: expect.closeTo(1, 5) });
    expect(await store.verifyIntegrity()).toMatchObject({
      ok: true,
      collections: [{ chunks: 15, embeddedChunks: 15, indexedVectors: 15 }],
    });
  });

  it('skips chunks that already have a vector or are gone', async () => {
    const { chunks } = await store.chunksWithoutEmbeddings('docs', 2);
    const vectors = chunks.map((chunk) => ({ chunkId: chunk.chunkId, vector: embed(chunk, 8) }));
    expect(await store.setEmbeddings('docs', vectors, small)).toBe(2);
    expect(await store.setEmbeddings('docs', vectors, small)).toBe(0);
    expect(await store.setEmbeddings('docs', [{ chunkId: 'chk_gone', vector: vectors[0]!.vector }], small)).toBe(0);
  });

  it('re-embeds with another model after a reset, and refuses a model that does not fit', async () => {
    await embedAll(store, small, 8);
    const [chunk] = (await store.searchLexical('docs', 'kerberos', { k: 1 }))!;
    const vector = randomUnitVector(12, 1);
    await expect(store.setEmbeddings('docs', [{ chunkId: chunk!.chunkId, vector }], large)).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/andes reindex/),
    });

    await store.resetEmbeddings('docs', large);
    expect(await store.getCollection('docs')).toMatchObject({ embeddingModel: 'large-model', embeddingDimensions: 12 });
    expect((await store.chunksWithoutEmbeddings('docs', 1)).remaining).toBe(15);
    expect(await store.searchVector('docs', vector, { k: 3 })).toEqual([]);
    await expect(
      store.setEmbeddings('docs', [{ chunkId: chunk!.chunkId, vector: randomUnitVector(8, 1) }], small),
    ).rejects.toMatchObject({ code: 'invalid_request' });

    expect(await embedAll(store, large, 10)).toEqual([10, 5]);
    expect(await store.verifyIntegrity()).toMatchObject({ ok: true, collections: [{ indexedVectors: 15 }] });
  });

  it('rejects malformed requests', async () => {
    await expect(store.chunksWithoutEmbeddings('docs', 0)).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(store.chunksWithoutEmbeddings('missing', 1)).rejects.toMatchObject({ code: 'collection_not_found' });
    await expect(store.resetEmbeddings('docs', { id: '', dimensions: 8 })).rejects.toMatchObject({
      code: 'invalid_request',
    });
    const bad = [{ chunkId: 'chk_x', vector: new Float32Array([Number.NaN, 0, 0, 0, 0, 0, 0, 0]) }];
    await expect(store.setEmbeddings('docs', bad, small)).rejects.toMatchObject({ code: 'invalid_request' });
  });
});
