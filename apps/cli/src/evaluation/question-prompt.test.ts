import { describe, expect, it } from 'vitest';
import { questionFromReply, questionPrompt } from './question-prompt.js';
import { spreadSample } from './spread-sample.js';

describe('questionFromReply', () => {
  it.each([
    ['How long is parental leave?', 'How long is parental leave?'],
    ['\n\n  Question: How long is parental leave?\nBecause…', 'How long is parental leave?'],
    ['1. "Who approves travel?"', 'Who approves travel?'],
    ['问题：怎样给 U 盘加密？', '怎样给 U 盘加密？'],
    ['   \n ', ''],
  ])('%j → %j', (reply, question) => {
    expect(questionFromReply(reply)).toBe(question);
  });
});

describe('questionPrompt', () => {
  it('shows the title and at most 1,500 characters of the passage', () => {
    const [system, user] = questionPrompt('Travel policy', 'x'.repeat(5000));
    expect(system?.role).toBe('system');
    expect(user?.content).toMatch(/^Document: Travel policy\n\nPassage:\nx{1500}$/);
  });
});

describe('spreadSample', () => {
  it('spreads indexes over the whole range, never more than there are', () => {
    expect(spreadSample(10, 5)).toEqual([1, 3, 5, 7, 9]);
    expect(spreadSample(100, 4)).toEqual([12, 37, 62, 87]);
    expect(spreadSample(3, 5)).toEqual([0, 1, 2]);
    expect(spreadSample(0, 5)).toEqual([]);
  });
});
