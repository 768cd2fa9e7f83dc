import { describe, expect, it } from 'vitest';
import { rankDocuments } from '../matching/ranked-documents.js';
import { percentile } from './percentile.js';
import { questionMetrics } from './question-metrics.js';

const ranked = (sources: string[], relevant: string[]) =>
  rankDocuments(
    sources.map((source) => ({ source })),
    relevant,
  );

describe('questionMetrics', () => {
  it('computes hit, recall, reciprocal rank and nDCG over distinct documents', () => {
    const documents = ranked(['x.md', 'r1.md', 'x.md', 'y.md', 'r2.md'], ['r1.md', 'r2.md', 'r3.md']);
    const metrics = questionMetrics(documents, 3, 10);
    expect(metrics.firstRelevantRank).toBe(2);
    expect(metrics.reciprocalRank).toBe(0.5);
    expect(metrics.hitCurve.slice(0, 4)).toEqual([0, 1, 1, 1]);
    expect(metrics.recallCurve.slice(0, 4)).toEqual([0, 1 / 3, 1 / 3, 2 / 3]);
    expect(metrics.recallCurve).toHaveLength(10);
    const dcg = 1 / Math.log2(3) + 1 / Math.log2(5);
    const idcg = 1 + 1 / Math.log2(3) + 1 / Math.log2(4);
    expect(metrics.ndcg).toBeCloseTo(dcg / idcg, 12);
  });

  it('gives 1 for a perfect ranking and 0 when nothing relevant is within 10', () => {
    expect(questionMetrics(ranked(['r.md'], ['r.md']), 1, 10)).toMatchObject({ reciprocalRank: 1, ndcg: 1 });
    const late = ranked([...Array.from({ length: 10 }, (_unused, index) => `n${index}.md`), 'r.md'], ['r.md']);
    expect(questionMetrics(late, 1, 10)).toMatchObject({ firstRelevantRank: 11, reciprocalRank: 0, ndcg: 0 });
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 20 }, (_unused, index) => 20 - index);
    expect(percentile(values, 0.5)).toBe(10);
    expect(percentile(values, 0.95)).toBe(19);
    expect(percentile([], 0.5)).toBe(0);
  });
});
