import { describe, expect, it } from 'vitest';
import { float16BitsToFloat32, float32ToFloat16Bits } from './float16.js';

describe('float16', () => {
  it('encodes known values as IEEE half precision', () => {
    expect(float32ToFloat16Bits(0)).toBe(0x0000);
    expect(float32ToFloat16Bits(-0)).toBe(0x8000);
    expect(float32ToFloat16Bits(1)).toBe(0x3c00);
    expect(float32ToFloat16Bits(-2)).toBe(0xc000);
    expect(float32ToFloat16Bits(65504)).toBe(0x7bff);
    expect(float32ToFloat16Bits(1e6)).toBe(0x7c00);
    expect(float32ToFloat16Bits(2 ** -24)).toBe(0x0001);
    expect(float32ToFloat16Bits(Number.NaN) & 0x7c00).toBe(0x7c00);
  });

  it('rounds to the nearest half, ties to even', () => {
    expect(float32ToFloat16Bits(1 + 2 ** -11)).toBe(0x3c00);
    expect(float32ToFloat16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02);
    expect(float32ToFloat16Bits(0.1)).toBe(0x2e66);
  });

  it('decodes what it encodes within half precision', () => {
    for (const value of [0.5, -0.25, 3.140625, 1000, 2 ** -20, -65504]) {
      expect(float16BitsToFloat32(float32ToFloat16Bits(value))).toBe(value);
    }
    expect(float16BitsToFloat32(0x7c00)).toBe(Infinity);
  });
});
