import { describe, expect, it } from 'vitest';
import { normalizeVector } from './normalize.js';

describe('normalizeVector', () => {
  it('scales to unit length', () => {
    expect(Array.from(normalizeVector([3, 4]))).toEqual([0.6000000238418579, 0.800000011920929]);
  });

  it('leaves a zero vector at zero', () => {
    expect(Array.from(normalizeVector([0, 0]))).toEqual([0, 0]);
  });
});
