import { describe, expect, it } from 'vitest';
import { rankDocuments } from './ranked-documents.js';
import { sourceMatches } from './source-matches.js';

describe('sourceMatches', () => {
  it.each([
    ['apps/cli/samples/handbook/x.md', 'handbook/x.md', true],
    ['apps/cli/samples/handbook/x.md', 'x.md', true],
    ['handbook/x.md', 'handbook/x.md', true],
    ['./handbook/x.md', 'handbook/x.md', true],
    ['C:\\docs\\handbook\\x.md', 'handbook/x.md', true],
    ['apps/myhandbook/x.md', 'handbook/x.md', false],
    ['handbook/x.md.bak', 'handbook/x.md', false],
    ['handbook/X.md', 'handbook/x.md', false],
  ])('%s is %s: %s', (source, relevant, expected) => {
    expect(sourceMatches(source, relevant)).toBe(expected);
  });
});

describe('rankDocuments', () => {
  it('ranks distinct documents by their best chunk and counts each relevant source once', () => {
    const hits = ['a/one.md', 'b/two.md', 'a/one.md', 'c/two.md', 'd/three.md'].map((source) => ({ source }));
    expect(rankDocuments(hits, ['two.md', 'three.md'])).toEqual([
      { rank: 1, source: 'a/one.md', matches: [] },
      { rank: 2, source: 'b/two.md', matches: ['two.md'] },
      { rank: 3, source: 'c/two.md', matches: [] },
      { rank: 4, source: 'd/three.md', matches: ['three.md'] },
    ]);
  });
});
