import { describe, expect, it } from 'vitest';
import { mergeChunkFilters } from './merge-chunk-filters.js';

describe('mergeChunkFilters', () => {
  it('keeps either filter alone as it is', () => {
    expect(mergeChunkFilters(undefined, { tags: ['hr'] })).toEqual({ tags: ['hr'] });
    expect(mergeChunkFilters({ sourcePrefix: 'policies/' }, undefined)).toEqual({ sourcePrefix: 'policies/' });
    expect(mergeChunkFilters(undefined, undefined)).toBeUndefined();
  });

  it('is never looser than either: lists intersected, the narrower prefix kept', () => {
    expect(
      mergeChunkFilters(
        { sourcePrefix: 'policies/', tags: ['hr', 'travel'], mediaTypes: ['text/markdown', 'text/html'] },
        { sourcePrefix: 'policies/travel/', tags: ['travel', 'finance'], documentIds: ['doc_a'] },
      ),
    ).toEqual({
      sourcePrefix: 'policies/travel/',
      tags: ['travel'],
      mediaTypes: ['text/markdown', 'text/html'],
      documentIds: ['doc_a'],
    });
  });

  it('matches nothing when the prefixes exclude each other', () => {
    expect(mergeChunkFilters({ sourcePrefix: 'hr/' }, { sourcePrefix: 'engineering/' })?.documentIds).toEqual([]);
  });
});
