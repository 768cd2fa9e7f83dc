import { describe, expect, it } from 'vitest';
import { inflectionStem } from './inflection-stem.js';

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
    expect(['is', 'king', 'bring', 'red', 'status', 'crisis'].map(inflectionStem)).toEqual([
      'is',
      'king',
      'bring',
      'red',
      'status',
      'crisis',
    ]);
  });
});
