import { describe, expect, it } from 'vitest';
import { signTestPValue } from './sign-test.js';

describe('signTestPValue (two-sided, exact binomial)', () => {
  // Expected values: 2 × Σ_{i ≤ min} C(n, i) / 2^n, computed with exact integers.
  it.each([
    [10, 0, 2 / 1024],
    [0, 10, 2 / 1024],
    [8, 2, 112 / 1024],
    [24, 8, 0.0070003666914999485],
    [30, 20, 0.20263875106454066],
    [600, 500, 0.0028195449914364275],
  ])('%i wins, %i losses → p = %f', (wins, losses, expected) => {
    expect(signTestPValue(wins, losses)).toBeCloseTo(expected, 12);
  });

  it('is 1 for an even split, a single question, or nothing but ties', () => {
    expect(signTestPValue(5, 5)).toBe(1);
    expect(signTestPValue(1, 0)).toBe(1);
    expect(signTestPValue(0, 0)).toBe(1);
  });

  it('rejects counts that are not whole numbers', () => {
    expect(() => signTestPValue(-1, 2)).toThrow(RangeError);
    expect(() => signTestPValue(1.5, 2)).toThrow(RangeError);
  });
});
