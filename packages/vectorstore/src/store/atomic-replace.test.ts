import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentWrite, randomUnitVector } from '@andes-rag/store-conformance';
import { openRawDatabase } from '../test-support/raw-database.js';
import { openTemporaryStore } from '../test-support/temporary-store.js';
import type { SqliteKnowledgeStore } from './sqlite-knowledge-store.js';

const original = documentWrite({
  source: 'handbook/badges.md',
  chunks: [
    { text: 'Badges open the zebra door.', vector: randomUnitVector(8, 1) },
    { text: 'Visitors sign the quokka ledger.', vector: randomUnitVector(8, 2) },
  ],
});
// The replacement fails at its third chunk, after the old chunks were deleted and two new ones inserted.
const failing = documentWrite({
  source: 'handbook/badges.md',
  chunks: [
    { text: 'Badges now open the pelican gate.', vector: randomUnitVector(8, 3) },
    { text: 'Visitors use the heron kiosk.', vector: randomUnitVector(8, 4) },
    { text: 'poison', vector: randomUnitVector(8, 5) },
  ],
});

describe('replacing a document is atomic', () => {
  let store: SqliteKnowledgeStore;
  let dataDir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ store, dataDir, cleanup } = await openTemporaryStore()));
  afterEach(async () => cleanup());

  it('leaves the old version whole, in every index, when the write fails half way', async () => {
    const { document } = await store.putDocument(original);
    const oldChunkIds = (await store.searchLexical('docs', 'zebra quokka', { k: 5 })).map((hit) => hit.chunkId);
    const raw = openRawDatabase(dataDir);
    try {
      raw.exec(`CREATE TRIGGER poison BEFORE INSERT ON chunks WHEN NEW.text = 'poison'
                BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    } finally {
      raw.close();
    }

    await expect(store.putDocument(failing)).rejects.toMatchObject({ code: 'storage_error' });

    expect(await store.getDocument('docs', document.id)).toEqual(document);
    expect(await store.searchLexical('docs', 'pelican heron', { k: 5 })).toEqual([]);
    expect((await store.searchLexical('docs', 'zebra quokka', { k: 5 })).map((hit) => hit.chunkId).sort()).toEqual(
      [...oldChunkIds].sort(),
    );
    expect((await store.getChunks('docs', oldChunkIds)).map((chunk) => chunk.text).sort()).toEqual([
      'Badges open the zebra door.',
      'Visitors sign the quokka ledger.',
    ]);
    for (const [position, vector] of failing.embeddings!.entries()) {
      const [nearest] = await store.searchVector('docs', vector, { k: 1 });
      expect(oldChunkIds, `new vector ${position} must not be findable`).toContain(nearest!.chunkId);
      expect(nearest!.score).toBeLessThan(0.99);
    }
    const [nearestOld] = await store.searchVector('docs', original.embeddings![0]!, { k: 1 });
    expect(nearestOld!.score).toBeCloseTo(1, 5);
    expect(await store.verifyIntegrity()).toMatchObject({ ok: true, problems: [] });
  });
});
