import { describe, expect, it } from 'vitest';
import { documentAwareRanking } from './document-aware-ranking.js';

const documents: Record<string, string> = { a1: 'A', a2: 'A', a3: 'A', b1: 'B', c1: 'C' };
const documentOf = (chunkId: string) => documents[chunkId];

describe('documentAwareRanking', () => {
  const candidates = [
    { chunkId: 'b1', score: 10 },
    { chunkId: 'a1', score: 8 },
    { chunkId: 'c1', score: 7 },
    { chunkId: 'a2', score: 6 },
    { chunkId: 'a3', score: 1 },
  ];

  it('adds weight × the best other chunk of the same document, then re-sorts', () => {
    // a1 gains 0.5 × 6 (a2, the runner-up), a2 and a3 gain 0.5 × 8 (a1, the best); b1 and c1 stand alone.
    expect(documentAwareRanking(candidates, documentOf, 0.5)).toEqual([
      { chunkId: 'a1', score: 11 },
      { chunkId: 'b1', score: 10 },
      { chunkId: 'a2', score: 10 },
      { chunkId: 'c1', score: 7 },
      { chunkId: 'a3', score: 5 },
    ]);
  });

  it('keeps order and scores with weight 0, and for chunks of unknown documents', () => {
    expect(documentAwareRanking(candidates, documentOf, 0)).toEqual(candidates);
    expect(documentAwareRanking(candidates, () => undefined, 0.5)).toEqual(candidates);
  });

  it('gives two equally scored chunks of one document each other as support', () => {
    const tied = [
      { chunkId: 'a1', score: 4 },
      { chunkId: 'a2', score: 4 },
      { chunkId: 'b1', score: 5 },
    ];
    expect(documentAwareRanking(tied, documentOf, 0.5)).toEqual([
      { chunkId: 'a1', score: 6 },
      { chunkId: 'a2', score: 6 },
      { chunkId: 'b1', score: 5 },
    ]);
  });
});
