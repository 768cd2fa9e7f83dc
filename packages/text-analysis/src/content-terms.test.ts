import { describe, expect, it } from 'vitest';
import { contentTerms } from './content-terms.js';

describe('contentTerms', () => {
  it('gives lower-cased, accent-free, stemmed words without stopwords and one-letter words', () => {
    expect([...contentTerms('Why does my VPN connection keep dropping? Café x')]).toEqual([
      'vpn',
      'connection',
      'keep',
      'drop',
      'cafe',
    ]);
  });

  it('keeps the words that carry meaning: up, most, same, once', () => {
    expect([...contentTerms('back up most files the same day once')]).toEqual([
      'back',
      'up',
      'most',
      'file',
      'same',
      'dai',
      'once',
    ]);
  });

  it('gives CJK runs as character pairs without function words, and Latin words inside CJK text apart', () => {
    expect([...contentTerms('注意力机制是什么？')]).toEqual(['注意', '意力', '力机', '机制']);
    expect([...contentTerms('采用SwiGLU激活函数')]).toEqual(['采用', 'swiglu', '激活', '活函', '函数']);
    expect([...contentTerms('我 Python 的')]).toEqual(['python']);
  });
});
