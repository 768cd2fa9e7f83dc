import { describe, expect, it } from 'vitest';
import type { ChunkFilter, KnowledgeStore } from '@andes-rag/core';
import {
  axisVector,
  documentWrite,
  randomUnitVector,
  useStore,
  type OpenKnowledgeStore,
} from './conformance-fixtures.js';

const dimensions = 8;

/** Twenty near-duplicate chunks close to the query, then one far away in `archive/` with one weak word match. */
async function seedCorpus(store: KnowledgeStore): Promise<{ archiveId: string; htmlId: string }> {
  for (let position = 0; position < 20; position++) {
    const vector = axisVector(dimensions, 0).map(
      (value, axis) => value + 0.05 * (randomUnitVector(dimensions, position)[axis] ?? 0),
    );
    await store.putDocument(
      documentWrite({
        source: `handbook/${position < 10 ? 'hr' : 'it'}/policy-${position}.md`,
        tags: position < 10 ? ['hr'] : ['it', 'internal'],
        chunks: [{ text: `Expense policy policy policy number ${position}.`, vector }],
      }),
    );
  }
  const html = await store.putDocument(
    documentWrite({
      source: 'intranet/policy.html',
      mediaType: 'text/html',
      tags: ['public', 'internal'],
      chunks: [{ text: 'The expense policy page.', vector: axisVector(dimensions, 1) }],
    }),
  );
  const archive = await store.putDocument(
    documentWrite({
      source: 'archive/2019/notes.txt',
      mediaType: 'text/plain',
      chunks: [
        {
          text: `Old notes. ${'Unrelated filler words about lunch menus. '.repeat(30)} One mention of policy.`,
          vector: axisVector(dimensions, 7),
        },
      ],
    }),
  );
  return { archiveId: archive.document.id, htmlId: html.document.id };
}

async function sources(store: KnowledgeStore, chunkIds: string[]): Promise<string[]> {
  return (await store.getChunks('docs', chunkIds)).map((chunk) => chunk.source);
}

/** Filters apply inside both searches, before ranking, never by trimming a top-k. */
export function describeFilters(openStore: OpenKnowledgeStore): void {
  describe('filters', () => {
    const context = useStore(openStore);
    const query = axisVector(dimensions, 0);

    async function both(filter: ChunkFilter, k = 3): Promise<{ lexical: string[]; vector: string[] }> {
      const lexical = await context.store.searchLexical('docs', 'expense policy', { k, filter });
      const vector = await context.store.searchVector('docs', query, { k, filter });
      return {
        lexical: await sources(
          context.store,
          lexical.map((hit) => hit.chunkId),
        ),
        vector: await sources(
          context.store,
          vector.map((hit) => hit.chunkId),
        ),
      };
    }

    it('applies the filter before ranking: a low-ranked match is still found with a small k', async () => {
      await seedCorpus(context.store);
      const unfiltered = await both({}, 3);
      expect(unfiltered.lexical).not.toContain('archive/2019/notes.txt');
      expect(unfiltered.vector).not.toContain('archive/2019/notes.txt');
      expect(await both({ sourcePrefix: 'archive/' }, 3)).toEqual({
        lexical: ['archive/2019/notes.txt'],
        vector: ['archive/2019/notes.txt'],
      });
    });

    it('filters by source prefix', async () => {
      await seedCorpus(context.store);
      const { lexical, vector } = await both({ sourcePrefix: 'handbook/it/' }, 50);
      for (const found of [lexical, vector]) {
        expect(found).toHaveLength(10);
        expect(found.every((source) => source.startsWith('handbook/it/'))).toBe(true);
      }
      expect(await both({ sourcePrefix: 'handbook/%' }, 50)).toEqual({ lexical: [], vector: [] });
    });

    it('filters by media type', async () => {
      await seedCorpus(context.store);
      const { lexical, vector } = await both({ mediaTypes: ['text/html', 'text/plain'] }, 50);
      expect(lexical.sort()).toEqual(['archive/2019/notes.txt', 'intranet/policy.html']);
      expect(vector.sort()).toEqual(['archive/2019/notes.txt', 'intranet/policy.html']);
      expect(await both({ mediaTypes: [] }, 50)).toEqual({ lexical: [], vector: [] });
    });

    it('filters by document id, and combines conditions with AND', async () => {
      const { archiveId, htmlId } = await seedCorpus(context.store);
      expect(await both({ documentIds: [htmlId] }, 50)).toEqual({
        lexical: ['intranet/policy.html'],
        vector: ['intranet/policy.html'],
      });
      expect(await both({ documentIds: [archiveId, htmlId], mediaTypes: ['text/plain'] }, 50)).toEqual({
        lexical: ['archive/2019/notes.txt'],
        vector: ['archive/2019/notes.txt'],
      });
      expect(await both({ documentIds: [htmlId], sourcePrefix: 'archive/' }, 50)).toEqual({ lexical: [], vector: [] });
    });

    it('filters by tags: a document with any of the tags matches; an empty list matches nothing', async () => {
      await seedCorpus(context.store);
      expect(await both({ tags: ['public'] }, 50)).toEqual({
        lexical: ['intranet/policy.html'],
        vector: ['intranet/policy.html'],
      });
      const internal = await both({ tags: ['internal'] }, 50);
      for (const found of [internal.lexical, internal.vector]) {
        expect(found).toHaveLength(11);
        expect(found.every((source) => source.startsWith('handbook/it/') || source === 'intranet/policy.html')).toBe(
          true,
        );
      }
      const either = await both({ tags: ['hr', 'public'] }, 50);
      expect(either.lexical).toHaveLength(11);
      expect(either.vector).toHaveLength(11);
      expect(await both({ tags: ['Public', 'nobody'] }, 50)).toEqual({ lexical: [], vector: [] });
      expect(await both({ tags: [] }, 50)).toEqual({ lexical: [], vector: [] });
      expect(await both({ tags: ['internal'], mediaTypes: ['text/html'] }, 50)).toEqual({
        lexical: ['intranet/policy.html'],
        vector: ['intranet/policy.html'],
      });
    });

    it('applies access principals before ranking: a restricted reader still gets k permitted hits', async () => {
      await seedCorpus(context.store);
      // The ten best matches (handbook/hr) become readable by group:hr only; handbook/it by key:k1 only.
      for (let position = 0; position < 20; position++) {
        const vector = axisVector(dimensions, 0).map(
          (value, axis) => value + 0.05 * (randomUnitVector(dimensions, position)[axis] ?? 0),
        );
        await context.store.putDocument(
          documentWrite({
            source: `handbook/${position < 10 ? 'hr' : 'it'}/policy-${position}.md`,
            tags: position < 10 ? ['hr'] : ['it', 'internal'],
            access: position < 10 ? ['group:hr'] : ['key:k1'],
            chunks: [{ text: `Expense policy policy policy number ${position}.`, vector }],
          }),
        );
      }
      const outsider = await both({ principals: ['group:sales'] }, 3);
      expect(outsider.lexical.sort()).toEqual(['archive/2019/notes.txt', 'intranet/policy.html']);
      expect(outsider.vector.sort()).toEqual(['archive/2019/notes.txt', 'intranet/policy.html']);
      const nobody = await both({ principals: [] }, 3);
      expect([nobody.lexical.sort(), nobody.vector.sort()]).toEqual([outsider.lexical, outsider.vector]);
      const hr = await both({ principals: ['group:hr'] }, 3);
      for (const found of [hr.lexical, hr.vector]) {
        expect(found).toHaveLength(3);
        expect(found.every((source) => source.startsWith('handbook/hr/'))).toBe(true);
      }
      const keyReader = await both({ principals: ['key:k1', 'group:nobody'] }, 12);
      for (const found of [keyReader.lexical, keyReader.vector]) {
        expect(found).toHaveLength(12);
        expect(found.some((source) => source.startsWith('handbook/hr/'))).toBe(false);
      }
      expect((await both({}, 50)).lexical).toHaveLength(22);
      expect(await both({ principals: ['group:hr'], tags: ['it'] }, 50)).toEqual({ lexical: [], vector: [] });
    });

    it('a low-ranked tagged document is found with a small k', async () => {
      await seedCorpus(context.store);
      await context.store.putDocument(
        documentWrite({
          source: 'archive/2019/notes.txt',
          mediaType: 'text/plain',
          tags: ['archive'],
          chunks: [
            {
              text: `Old notes. ${'Unrelated filler words about lunch menus. '.repeat(30)} One mention of policy.`,
              vector: axisVector(dimensions, 7),
            },
          ],
        }),
      );
      expect(await both({ tags: ['archive'] }, 3)).toEqual({
        lexical: ['archive/2019/notes.txt'],
        vector: ['archive/2019/notes.txt'],
      });
    });
  });
}
