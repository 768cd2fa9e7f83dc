import { describe, expect, it } from 'vitest';
import type { KnowledgeStore } from '@andes/core';
import { documentWrite, expectAndesError, expectBestFirst, useStore, type OpenKnowledgeStore } from './conformance-fixtures.js';

/** Strings that break naive FTS query syntax: every one must search without throwing. */
export const hostileQueries: readonly string[] = [
  '?',
  "'",
  '.',
  '+',
  '"',
  '*',
  '(',
  ')',
  'NEAR',
  'AND',
  'OR',
  'NOT',
  'NEAR(kerberos keytab)',
  'kerberos AND',
  'AND kerberos OR NOT',
  '"unbalanced quote',
  'say ""hi""',
  "it's O'Brien's",
  'body:kerberos',
  '^kerberos',
  '-kerberos',
  'kerberos*',
  '{kerberos keytab}',
  'C++ vs. C#?',
  'what?!?!',
  '\\',
  '%_%',
  "'; DROP TABLE chunks; --",
  'Ünïcödé résumé naïve',
  '日本語の文書を検索',
  'مرحبا بالعالم',
  '🦙🦙 llama',
  'a\u0000b',
  '\u200b\u200d',
  '   ',
  '',
  'kerberos '.repeat(500),
];

async function seedCorpus(store: KnowledgeStore): Promise<void> {
  const documents = [
    {
      source: 'it/kerberos.md',
      title: 'Renewing credentials',
      chunks: [{ text: 'The kerberos keytab renewal runs nightly; it is documented by the platform team.' }],
    },
    {
      source: 'it/laptops.md',
      title: 'Laptops',
      chunks: [{ text: 'Laptops are documented in the asset register and renewed every three years.' }],
    },
    {
      source: 'hr/leave.md',
      title: 'Leave',
      chunks: [{ text: 'Annual leave is documented in the HR portal. Where to find the portal is documented too.' }],
    },
    {
      source: 'ops/oncall.md',
      title: 'On-call',
      chunks: [{ text: 'The on-call rota is documented weekly.', headingPath: ['Operations', 'Escalation ladder'] }],
    },
    { source: 'ops/runbooks.md', title: 'Flamingo runbooks', chunks: [{ text: 'Runbooks live in the wiki.' }] },
  ];
  for (const document of documents) await store.putDocument(documentWrite(document));
}

async function topSource(store: KnowledgeStore, query: string): Promise<string | undefined> {
  const [hit] = await store.searchLexical('docs', query, { k: 1 });
  if (!hit) return undefined;
  const [chunk] = await store.getChunks('docs', [hit.chunkId]);
  return chunk?.source;
}

/** Lexical (BM25) search: ranking sanity, title and headings, stopwords, k, and hostile query strings. */
export function describeLexicalSearch(openStore: OpenKnowledgeStore): void {
  describe('lexical search', () => {
    const context = useStore(openStore);

    it('ranks the document holding the rare query words first', async () => {
      await seedCorpus(context.store);
      expect(await topSource(context.store, 'Where is the kerberos keytab renewal documented?')).toBe('it/kerberos.md');
      const hits = await context.store.searchLexical('docs', 'Where is the kerberos keytab renewal documented?', { k: 10 });
      expect(hits.length).toBeGreaterThan(1);
      expectBestFirst(hits);
    });

    it('searches the title and the heading path as well as the text', async () => {
      await seedCorpus(context.store);
      expect(await topSource(context.store, 'flamingo')).toBe('ops/runbooks.md');
      expect(await topSource(context.store, 'escalation ladder')).toBe('ops/oncall.md');
    });

    it('returns nothing for an empty or stopwords-only query', async () => {
      await seedCorpus(context.store);
      for (const query of ['', '   ', 'what is the', 'How are they?', '?!']) {
        expect(await context.store.searchLexical('docs', query, { k: 5 })).toEqual([]);
      }
    });

    it('returns at most k hits and rejects a k that is not a positive integer', async () => {
      await seedCorpus(context.store);
      expect(await context.store.searchLexical('docs', 'documented', { k: 2 })).toHaveLength(2);
      for (const k of [0, -1, 1.5, Number.NaN]) {
        await expectAndesError(context.store.searchLexical('docs', 'documented', { k }), 'invalid_request');
      }
    });

    it('never throws on hostile query strings', async () => {
      await seedCorpus(context.store);
      for (const query of hostileQueries) {
        const hits = await context.store.searchLexical('docs', query, { k: 5 });
        expect(Array.isArray(hits), JSON.stringify(query)).toBe(true);
      }
    });

    it('still finds the words inside query syntax', async () => {
      await seedCorpus(context.store);
      for (const query of ['"kerberos"', 'kerberos?', '(kerberos)', 'kerberos*', 'NEAR kerberos', 'kerberos AND', 'kerberos.']) {
        expect(await topSource(context.store, query), query).toBe('it/kerberos.md');
      }
    });
  });
}
