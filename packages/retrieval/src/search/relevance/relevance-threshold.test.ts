import { describe, expect, it } from 'vitest';
import { makeHit } from '../../test-support/make-hit.js';
import { defaultMinTermCoverage, judgeRelevance } from './relevance-threshold.js';

const hits = [
  makeHit('vacation', 'Employees receive 25 days of paid vacation per year.', { title: 'Handbook' }),
  makeHit('laptops', 'Laptops are replaced every three years.', { title: 'Equipment' }),
];

describe('judgeRelevance', () => {
  it('by default judges by the share of the question topic words in each passage, covered when one clears it', () => {
    const { decision, relevance } = judgeRelevance('How many vacation days do employees get?', hits, undefined);
    // Topic words: many, vacation, day, employee, get; the first passage has vacation, day(s), employee(s).
    expect(relevance).toEqual([
      { value: 0.6, cleared: true },
      { value: 0, cleared: false },
    ]);
    expect(decision).toEqual({ signal: 'term-coverage', minimum: defaultMinTermCoverage, covered: true, best: 0.6 });
  });

  it('is not covered when no passage clears the minimum, or there are no hits', () => {
    expect(judgeRelevance('Who won the 1998 World Cup?', hits, undefined).decision.covered).toBe(false);
    expect(judgeRelevance('vacation', [], undefined).decision).toMatchObject({ covered: false, best: 0 });
  });

  it('judges Chinese questions by the character pairs they share with the passages', () => {
    const chinese = [
      makeHit('model', '该模型采用SwiGLU激活函数，隐藏层维度为4096。', { title: '模型结构' }),
      makeHit('leave', '员工每年享有十五天带薪年假，需提前一周申请。', { title: '休假制度' }),
    ];
    expect(judgeRelevance('这个模型用的是什么激活函数？', chinese, undefined).decision.covered).toBe(true);
    expect(judgeRelevance('员工的带薪年假有几天？', chinese, undefined).decision.covered).toBe(true);
    expect(judgeRelevance('今天北京的天气怎么样？', chinese, undefined).decision).toMatchObject({
      covered: false,
      best: 0,
    });
  });

  it('turns the check off with a minimum of 0, and applies a stricter one', () => {
    expect(
      judgeRelevance('Who won the 1998 World Cup?', hits, undefined, { minTermCoverage: 0 }).decision.covered,
    ).toBe(true);
    expect(
      judgeRelevance('How many vacation days do employees get?', hits, undefined, { minTermCoverage: 0.8 }).decision
        .covered,
    ).toBe(false);
  });

  it('judges by the reranker score when a reranker ran and a minimum score is set, else keeps term coverage', () => {
    const scores = new Map([
      ['vacation', 0.02],
      ['laptops', 0.7],
    ]);
    const byReranker = judgeRelevance('How many vacation days do employees get?', hits, scores, {
      minRerankScore: 0.5,
    });
    expect(byReranker.relevance).toEqual([
      { value: 0.02, cleared: false },
      { value: 0.7, cleared: true },
    ]);
    expect(byReranker.decision).toEqual({ signal: 'rerank', minimum: 0.5, covered: true, best: 0.7 });
    expect(judgeRelevance('How many vacation days do employees get?', hits, scores).decision.signal).toBe(
      'term-coverage',
    );
  });
});
