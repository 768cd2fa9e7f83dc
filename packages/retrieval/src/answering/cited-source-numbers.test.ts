import { describe, expect, it } from 'vitest';
import { citedSourceNumbers } from './cited-source-numbers.js';

describe('citedSourceNumbers', () => {
  it('reads single, adjacent, listed and ranged citations, keeping only known sources', () => {
    expect(citedSourceNumbers('A [2]. B [1][3]. C [4, 5]. D [2-3]. E [0] [7] [2024].', 5)).toEqual([1, 2, 3, 4, 5]);
    expect(citedSourceNumbers('No citations here, only [a] and [ 1 ].', 3)).toEqual([]);
  });
});
