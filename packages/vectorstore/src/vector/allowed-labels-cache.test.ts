import { documentWrite, randomUnitVector } from '@andes-rag/store-conformance';
import { afterEach, describe, expect, it } from 'vitest';
import type { SqliteKnowledgeStore } from '../store/sqlite-knowledge-store.js';
import { openTemporaryStore } from '../test-support/temporary-store.js';

// The allowed labels of a permission filter are kept between searches only while nothing changed: a document whose
// access list changes (same text, same vectors) is found, or hidden, at the very next search.
const dimensions = 8;
const write = (source: string, seed: number, access: string[]) =>
  documentWrite({
    collection: 'docs',
    source,
    access,
    chunks: [{ text: `note ${source}`, vector: randomUnitVector(dimensions, seed) }],
  });

describe.each([
  ['exact scan', 1000],
  ['hnswlib filter', 0],
])('allowed labels of a filter, %s', (_name, exactSearchLimit) => {
  let opened: { store: SqliteKnowledgeStore; cleanup: () => Promise<void> } | undefined;
  afterEach(() => opened?.cleanup());

  it('follow every change of access lists, documents and vectors', async () => {
    opened = await openTemporaryStore({ exactSearchLimit });
    const { store } = opened;
    for (let position = 0; position < 6; position++)
      await store.putDocument(write(`doc-${position}.md`, position + 1, ['group:a']));
    const asB = async () => {
      const found = await store.searchVector('docs', randomUnitVector(dimensions, 1), {
        k: 10,
        filter: { principals: ['group:b'] },
      });
      const chunks = await store.getChunks(
        'docs',
        found.map((hit) => hit.chunkId),
      );
      return chunks.map((chunk) => chunk.text).sort();
    };
    expect(await asB()).toEqual([]);
    expect(await asB()).toEqual([]);
    // Same text and vectors, another access list.
    await store.putDocument(write('doc-2.md', 3, ['group:b']));
    expect(await asB()).toEqual(['note doc-2.md']);
    await store.putDocument(write('doc-4.md', 5, ['group:a', 'group:b']));
    expect(await asB()).toEqual(['note doc-2.md', 'note doc-4.md']);
    await store.putDocument(write('doc-2.md', 3, ['group:a']));
    expect(await asB()).toEqual(['note doc-4.md']);
    const doc4 = await store.findDocumentBySource('docs', 'doc-4.md');
    await store.deleteDocument('docs', doc4?.id ?? '');
    expect(await asB()).toEqual([]);
  });
});
