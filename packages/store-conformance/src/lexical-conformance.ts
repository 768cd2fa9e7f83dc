import { describe, expect, it } from 'vitest';
import type { KnowledgeStore } from '@andes-rag/core';
import {
  documentWrite,
  expectAndesError,
  expectBestFirst,
  useStore,
  type OpenKnowledgeStore,
} from './conformance-fixtures.js';

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

/** Chinese, Japanese and Korean documents, with Latin words written against CJK characters. */
async function seedCjkCorpus(store: KnowledgeStore): Promise<void> {
  const documents = [
    { source: 'zh/model.md', title: '模型结构', chunks: [{ text: '该模型采用SwiGLU激活函数，隐藏层维度为4096。' }] },
    {
      source: 'zh/attention.md',
      title: '注意力',
      chunks: [{ text: '多头注意力的计算方式：先用RoPE编码位置，再按缩放点积计算注意力权重。' }],
    },
    { source: 'zh/leave.md', title: '休假制度', chunks: [{ text: '员工每年享有十五天带薪年假，需提前一周申请。' }] },
    { source: 'ja/weather.md', title: '天気', chunks: [{ text: '東京の天気は晴れのち曇りです。' }] },
    { source: 'ko/leave.md', title: '휴가', chunks: [{ text: '휴가 신청은 인사 포털에서 할 수 있습니다.' }] },
  ];
  for (const document of documents) await store.putDocument(documentWrite(document));
}

async function topSource(store: KnowledgeStore, query: string): Promise<string | undefined> {
  const [hit] = await store.searchLexical('docs', query, { k: 1 });
  if (!hit) return undefined;
  const [chunk] = await store.getChunks('docs', [hit.chunkId]);
  return chunk?.source;
}

/**
 * Lexical (BM25) search: ranking sanity, title and headings, stopwords, k, hostile query strings, and Chinese,
 * Japanese and Korean text.
 */
export function describeLexicalSearch(openStore: OpenKnowledgeStore): void {
  describe('lexical search', () => {
    const context = useStore(openStore);

    it('ranks the document holding the rare query words first', async () => {
      await seedCorpus(context.store);
      expect(await topSource(context.store, 'Where is the kerberos keytab renewal documented?')).toBe('it/kerberos.md');
      const hits = await context.store.searchLexical('docs', 'Where is the kerberos keytab renewal documented?', {
        k: 10,
      });
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

    it('finds Chinese text from a Chinese question that shares its characters, not only its exact words', async () => {
      await seedCorpus(context.store);
      await seedCjkCorpus(context.store);
      expect(await topSource(context.store, '注意力机制是怎样计算的？')).toBe('zh/attention.md');
      expect(await topSource(context.store, '模型用的是哪种激活函数')).toBe('zh/model.md');
      expect(await context.store.searchLexical('docs', '是什么？的了吗', { k: 5 })).toEqual([]);
    });

    it('finds a Latin word written against Chinese characters, and Japanese and Korean text', async () => {
      await seedCorpus(context.store);
      await seedCjkCorpus(context.store);
      expect(await topSource(context.store, 'SwiGLU')).toBe('zh/model.md');
      expect(await topSource(context.store, 'RoPE')).toBe('zh/attention.md');
      expect(await topSource(context.store, '東京の天気')).toBe('ja/weather.md');
      expect(await topSource(context.store, '휴가 신청은 어떻게 하나요')).toBe('ko/leave.md');
    });

    it('still finds the words inside query syntax', async () => {
      await seedCorpus(context.store);
      for (const query of [
        '"kerberos"',
        'kerberos?',
        '(kerberos)',
        'kerberos*',
        'NEAR kerberos',
        'kerberos AND',
        'kerberos.',
      ]) {
        expect(await topSource(context.store, query), query).toBe('it/kerberos.md');
      }
    });
  });
}
