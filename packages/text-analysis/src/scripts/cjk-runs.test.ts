import { describe, expect, it } from 'vitest';
import { scriptRuns } from './cjk-runs.js';

describe('scriptRuns', () => {
  it('cuts CJK runs from the rest, Han, kana and Hangul alike, and joins back to the text', () => {
    const text = '采用SwiGLU激活函数, then カタカナー and 한국어 text.';
    const runs = scriptRuns(text);
    expect(runs).toEqual([
      { text: '采用', cjk: true },
      { text: 'SwiGLU', cjk: false },
      { text: '激活函数', cjk: true },
      { text: ', then ', cjk: false },
      { text: 'カタカナー', cjk: true },
      { text: ' and ', cjk: false },
      { text: '한국어', cjk: true },
      { text: ' text.', cjk: false },
    ]);
    expect(runs.map((run) => run.text).join('')).toBe(text);
    expect(scriptRuns('')).toEqual([]);
  });
});
