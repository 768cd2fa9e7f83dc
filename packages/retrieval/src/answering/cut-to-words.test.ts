import { describe, expect, it } from 'vitest';
import { cutToWords } from './cut-to-words.js';

describe('cutToWords', () => {
  it('keeps the first words of a text separated by spaces', () => {
    expect(cutToWords('one two three four', 2)).toEqual({ text: 'one two', cut: true });
    expect(cutToWords('one two', 2)).toEqual({ text: 'one two', cut: false });
  });

  it('counts each CJK character as a word, Latin words inside CJK text as one', () => {
    expect(cutToWords('该模型采用SwiGLU激活函数。', 6)).toEqual({ text: '该模型采用SwiGLU', cut: true });
    expect(cutToWords('東京の天気', 5)).toEqual({ text: '東京の天気', cut: false });
  });
});
