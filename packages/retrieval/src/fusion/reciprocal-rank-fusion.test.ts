import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from './reciprocal-rank-fusion.js';

const ranked = (...chunkIds: string[]) => chunkIds.map((chunkId, index) => ({ chunkId, score: 100 - index }));

describe('reciprocalRankFusion', () => {
  it('sums 1 / (k + rank) over the lists, best first', () => {
    // k = 10. a: 1/11 + 1/13 = 0.16783; b: 1/12 + 1/11 = 0.17424; c: 1/13 = 0.07692; d: 1/12 = 0.08333.
    const fused = reciprocalRankFusion([{ results: ranked('a', 'b', 'c') }, { results: ranked('b', 'd', 'a') }], {
      k: 10,
    });
    expect(fused.map((result) => result.chunkId)).toEqual(['b', 'a', 'd', 'c']);
    expect(fused[0]?.score).toBeCloseTo(1 / 12 + 1 / 11, 12);
    expect(fused[1]?.score).toBeCloseTo(1 / 11 + 1 / 13, 12);
    expect(fused[3]?.score).toBeCloseTo(1 / 13, 12);
  });

  it('uses k = 60 by default, applies weights, and breaks ties by best rank, then list order', () => {
    const fused = reciprocalRankFusion([{ results: ranked('x', 'y') }, { results: ranked('z', 'x'), weight: 2 }]);
    expect(fused).toEqual([
      { chunkId: 'x', score: 1 / 61 + 2 / 62 },
      { chunkId: 'z', score: 2 / 61 },
      { chunkId: 'y', score: 1 / 62 },
    ]);
    const tied = reciprocalRankFusion([
      { results: ranked('late', 'p') },
      { results: ranked('q', 'late') },
      { results: ranked('r') },
    ]);
    expect(tied.map((result) => result.chunkId)).toEqual(['late', 'q', 'r', 'p']);
  });

  it('returns an empty list for empty input', () => {
    expect(reciprocalRankFusion([])).toEqual([]);
    expect(reciprocalRankFusion([{ results: [] }])).toEqual([]);
  });
});
