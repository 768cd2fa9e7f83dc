import { describe, expect, it } from 'vitest';
import { inflectionStem } from './inflection-stem.js';
import { termCoverage, topicTerms } from './term-coverage.js';

describe('inflectionStem', () => {
  it.each([
    [['drop', 'drops', 'dropped', 'dropping'], 'drop'],
    [['policy', 'policies'], 'polici'],
    [['tax', 'taxes'], 'tax'],
    [['hope', 'hoping', 'hoped'], 'hope'],
    [['reimburse', 'reimbursed'], 'reimburs'],
    [['create', 'created', 'creating'], 'creat'],
    [['day', 'days'], 'dai'],
    [['class', 'classes'], 'class'],
  ])('maps %j to one stem', (words, stem) => {
    for (const word of words) expect(inflectionStem(word)).toBe(stem);
  });

  it('leaves short words, words without a vowel before the ending, and -us/-is words alone', () => {
    expect(['is', 'king', 'bring', 'red', 'status', 'crisis'].map(inflectionStem)).toEqual(['is', 'king', 'bring', 'red', 'status', 'crisis']);
  });
});

describe('termCoverage', () => {
  const hit = { title: 'Connecting to the VPN', headingPath: ['Troubleshooting'], text: 'If the connection drops every few minutes, switch to 2.4 GHz Wi-Fi.' };

  it('is the fraction of the question topic words the passage mentions, in any inflection, title and headings included', () => {
    expect([...topicTerms('Why does my VPN connection keep dropping?')]).toEqual(['vpn', 'connection', 'keep', 'drop']);
    expect(termCoverage(topicTerms('Why does my VPN connection keep dropping?'), hit)).toBe(0.75);
    expect(termCoverage(topicTerms('troubleshooting the Café VPN'), { ...hit, text: 'Cafe' })).toBe(1);
  });

  it('is 0 for a question on another topic, or with no topic words at all', () => {
    expect(termCoverage(topicTerms('Who won the 1998 World Cup?'), hit)).toBe(0);
    expect(termCoverage(topicTerms('What is it?'), hit)).toBe(0);
  });
});
