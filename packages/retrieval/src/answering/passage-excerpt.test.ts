import { describe, expect, it } from 'vitest';
import { passageExcerpt } from './passage-excerpt.js';

describe('passageExcerpt', () => {
  it('keeps the sentence sharing the most terms with the question, in any inflection', () => {
    const passage = 'Laptops are replaced every three years. Backups run nightly. The VPN drops when Wi-Fi is weak.';
    expect(passageExcerpt(passage, 'Why is my VPN dropping?', { sentences: 1, maxWords: 80 })).toBe(
      '… The VPN drops when Wi-Fi is weak.',
    );
  });

  it('finds the Chinese sentence a Chinese question is about, and cuts it by characters', () => {
    const passage = '员工每年享有十五天带薪年假。该模型采用SwiGLU激活函数，隐藏层维度为4096。需提前一周申请。';
    expect(passageExcerpt(passage, '模型用的是什么激活函数？', { sentences: 1, maxWords: 80 })).toBe(
      '… 该模型采用SwiGLU激活函数，隐藏层维度为4096。 …',
    );
    expect(passageExcerpt(passage, '模型用的是什么激活函数？', { sentences: 1, maxWords: 6 })).toBe(
      '… 该模型采用SwiGLU …',
    );
  });
});
