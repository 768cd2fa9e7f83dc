import { describe, expect, it } from 'vitest';
import { termCoverage, topicTerms } from './term-coverage.js';

describe('termCoverage', () => {
  const hit = {
    title: 'Connecting to the VPN',
    headingPath: ['Troubleshooting'],
    text: 'If the connection drops every few minutes, switch to 2.4 GHz Wi-Fi.',
  };

  it('is the fraction of the question topic words the passage mentions, in any inflection, title and headings included', () => {
    expect([...topicTerms('Why does my VPN connection keep dropping?')]).toEqual(['vpn', 'connection', 'keep', 'drop']);
    expect(termCoverage(topicTerms('Why does my VPN connection keep dropping?'), hit)).toBe(0.75);
    expect(termCoverage(topicTerms('troubleshooting the Café VPN'), { ...hit, text: 'Cafe' })).toBe(1);
  });

  it('is 0 for a question on another topic, or with no topic words at all', () => {
    expect(termCoverage(topicTerms('Who won the 1998 World Cup?'), hit)).toBe(0);
    expect(termCoverage(topicTerms('What is it?'), hit)).toBe(0);
  });

  it('compares Chinese text by character pairs, so a paraphrase that shares them is covered', () => {
    const chinese = { title: '模型结构', headingPath: [], text: '该模型采用SwiGLU激活函数，隐藏层维度为4096。' };
    expect(termCoverage(topicTerms('这个模型用的是什么激活函数？'), chinese)).toBeGreaterThan(0.5);
    expect(termCoverage(topicTerms('公司的年假有多少天？'), chinese)).toBe(0);
  });
});
