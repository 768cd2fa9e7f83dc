import { describe, expect, it } from 'vitest';
import {
  axisVector,
  documentWrite,
  expectAndesError,
  randomUnitVector,
  useStore,
  type OpenKnowledgeStore,
} from './conformance-fixtures.js';

/** Documents: idempotent puts, replacement, deletion, chunk reads and rejected writes. */
export function describeDocuments(openStore: OpenKnowledgeStore): void {
  describe('documents', () => {
    const context = useStore(openStore);
    const original = {
      source: 'handbook/security.md',
      title: 'Security handbook',
      chunks: [
        { text: 'Badges open the zebra door on level two.', vector: randomUnitVector(8, 1) },
        { text: 'Visitors sign the quokka ledger at reception.', vector: randomUnitVector(8, 2) },
      ],
    };
    const revised = {
      ...original,
      chunks: [{ text: 'Badges now open the pelican gate instead.', vector: randomUnitVector(8, 3) }],
    };

    it('stores a document once: the same source and content hash again is unchanged', async () => {
      const created = await context.store.putDocument(documentWrite(original));
      expect(created.status).toBe('created');
      expect(created.document).toMatchObject({
        collection: 'docs',
        source: 'handbook/security.md',
        title: 'Security handbook',
        mediaType: 'text/markdown',
        chunkCount: 2,
      });
      const hitsBefore = await context.store.searchLexical('docs', 'zebra', { k: 5 });

      const again = await context.store.putDocument(documentWrite(original));
      expect(again.status).toBe('unchanged');
      expect(again.document).toEqual(created.document);
      expect(await context.store.searchLexical('docs', 'zebra', { k: 5 })).toEqual(hitsBefore);
      expect(await context.store.listDocuments('docs')).toEqual([created.document]);
      expect((await context.store.getCollection('docs'))?.chunkCount).toBe(2);
    });

    it('replaces a changed document: same id, and no old chunk is findable lexically or by vector', async () => {
      const created = await context.store.putDocument(documentWrite(original));
      const oldChunkIds = [
        ...(await context.store.searchLexical('docs', 'zebra quokka', { k: 10 })).map((hit) => hit.chunkId),
      ];
      expect(oldChunkIds).toHaveLength(2);

      const updated = await context.store.putDocument(documentWrite(revised));
      expect(updated.status).toBe('updated');
      expect(updated.document.id).toBe(created.document.id);
      expect(updated.document.chunkCount).toBe(1);
      expect(updated.document.contentHash).not.toBe(created.document.contentHash);

      expect(await context.store.searchLexical('docs', 'zebra quokka', { k: 10 })).toEqual([]);
      for (const chunk of original.chunks) {
        const hits = await context.store.searchVector('docs', chunk.vector, { k: 10 });
        expect(hits.map((hit) => hit.chunkId).filter((id) => oldChunkIds.includes(id))).toEqual([]);
      }
      expect(await context.store.getChunks('docs', oldChunkIds)).toEqual([]);
      const [newHit] = await context.store.searchVector('docs', revised.chunks[0]!.vector, { k: 1 });
      const [newChunk] = await context.store.getChunks('docs', [newHit!.chunkId]);
      expect(newChunk?.text).toBe('Badges now open the pelican gate instead.');
      expect((await context.store.getCollection('docs'))?.chunkCount).toBe(1);
    });

    it('stores tags, and replaces only the tags when the content is unchanged', async () => {
      const created = await context.store.putDocument(documentWrite({ ...original, tags: ['security', 'onboarding'] }));
      expect(created.document.tags).toEqual(['onboarding', 'security']);
      const hitsBefore = await context.store.searchLexical('docs', 'zebra', { k: 5 });

      const same = await context.store.putDocument(documentWrite({ ...original, tags: ['security', 'onboarding'] }));
      expect(same.status).toBe('unchanged');
      const retagged = await context.store.putDocument(documentWrite({ ...original, tags: ['archive'] }));
      expect(retagged.status).toBe('updated');
      expect(retagged.document).toMatchObject({ id: created.document.id, chunkCount: 2, tags: ['archive'] });
      expect((await context.store.findDocumentBySource('docs', original.source))?.tags).toEqual(['archive']);
      expect(await context.store.searchLexical('docs', 'zebra', { k: 5 })).toEqual(hitsBefore);
      expect(await context.store.searchLexical('docs', 'zebra', { k: 5, filter: { tags: ['security'] } })).toEqual([]);

      const untagged = await context.store.putDocument(documentWrite(original));
      expect(untagged.status).toBe('updated');
      expect((await context.store.listDocuments('docs'))[0]?.tags).toEqual([]);
    });

    it('deletes a document from the lexical and the vector search', async () => {
      const kept = await context.store.putDocument(
        documentWrite({
          source: 'kept.md',
          chunks: [{ text: 'The kept capybara remains.', vector: axisVector(8, 7) }],
        }),
      );
      const { document } = await context.store.putDocument(documentWrite(original));
      const chunkIds = (await context.store.searchLexical('docs', 'zebra quokka', { k: 10 })).map((hit) => hit.chunkId);

      expect(await context.store.deleteDocument('docs', document.id)).toBe(true);
      expect(await context.store.deleteDocument('docs', document.id)).toBe(false);
      expect(await context.store.getDocument('docs', document.id)).toBeUndefined();
      expect(await context.store.findDocumentBySource('docs', original.source)).toBeUndefined();
      expect(await context.store.searchLexical('docs', 'zebra quokka', { k: 10 })).toEqual([]);
      expect(await context.store.getChunks('docs', chunkIds)).toEqual([]);
      for (const chunk of original.chunks) {
        const hits = await context.store.searchVector('docs', chunk.vector, { k: 10 });
        expect(hits.map((hit) => hit.chunkId).filter((id) => chunkIds.includes(id))).toEqual([]);
        expect(hits).toHaveLength(1);
      }
      expect(await context.store.listDocuments('docs')).toEqual([kept.document]);
      expect(await context.store.getCollection('docs')).toMatchObject({ documentCount: 1, chunkCount: 1 });
    });

    it('finds documents by id and by source', async () => {
      const { document } = await context.store.putDocument(documentWrite(original));
      expect(document.id).toMatch(/^\S{1,64}$/);
      expect(await context.store.getDocument('docs', document.id)).toEqual(document);
      expect(await context.store.findDocumentBySource('docs', original.source)).toEqual(document);
      expect(await context.store.getDocument('docs', 'no-such-id')).toBeUndefined();
      expect(await context.store.findDocumentBySource('docs', 'missing.md')).toBeUndefined();
      expect(await context.store.deleteDocument('docs', 'no-such-id')).toBe(false);
    });

    it('returns chunks in the order asked, skipping unknown ids, with their provenance', async () => {
      const { document } = await context.store.putDocument(
        documentWrite({
          source: 'guide.pdf',
          title: 'Guide',
          mediaType: 'application/pdf',
          chunks: [
            { text: 'alpha chunk', headingPath: ['Guide', 'Start'], page: 1 },
            { text: 'beta chunk', headingPath: ['Guide'], page: 2 },
            { text: 'gamma chunk' },
          ],
        }),
      );
      const ids = new Map<string, string>();
      for (const word of ['alpha', 'beta', 'gamma']) {
        const [hit] = await context.store.searchLexical('docs', word, { k: 1 });
        ids.set(word, hit!.chunkId);
      }
      const asked = [ids.get('gamma')!, 'chk_unknown', ids.get('alpha')!, ids.get('beta')!];
      const chunks = await context.store.getChunks('docs', asked);
      expect(chunks.map((chunk) => chunk.text)).toEqual(['gamma chunk', 'alpha chunk', 'beta chunk']);
      expect(chunks[1]).toEqual({
        id: ids.get('alpha'),
        documentId: document.id,
        collection: 'docs',
        source: 'guide.pdf',
        title: 'Guide',
        mediaType: 'application/pdf',
        index: 0,
        text: 'alpha chunk',
        headingPath: ['Guide', 'Start'],
        startOffset: 0,
        endOffset: 11,
        page: 1,
      });
      expect(chunks[0]).not.toHaveProperty('page');
      expect(chunks[0]).toMatchObject({ index: 2, headingPath: [], startOffset: 23, endOffset: 34 });
      expect(await context.store.getChunks('docs', [])).toEqual([]);
    });

    it('rejects embeddings of the wrong dimensions, naming both, and keeps the stored version', async () => {
      await context.store.putDocument(documentWrite(original));
      const error = await expectAndesError(
        context.store.putDocument(
          documentWrite({ ...revised, chunks: [{ text: 'pelican', vector: randomUnitVector(4, 9) }] }),
        ),
        'invalid_request',
      );
      expect(error.message).toMatch(/\b4\b/);
      expect(error.message).toMatch(/\b8\b/);
      expect(await context.store.searchLexical('docs', 'zebra', { k: 5 })).toHaveLength(1);
      expect(await context.store.searchLexical('docs', 'pelican', { k: 5 })).toEqual([]);

      await expectAndesError(
        context.store.putDocument(
          documentWrite({ source: 'new.md', chunks: [{ text: 'emu', vector: randomUnitVector(16, 9) }] }),
        ),
        'invalid_request',
      );
      expect(await context.store.findDocumentBySource('docs', 'new.md')).toBeUndefined();
    });

    it('rejects a write whose embeddings do not match its chunks one to one', async () => {
      const write = documentWrite(original);
      await expectAndesError(
        context.store.putDocument({ ...write, embeddings: write.embeddings!.slice(0, 1) }),
        'invalid_request',
      );
      expect(await context.store.findDocumentBySource('docs', original.source)).toBeUndefined();
    });
  });
}
