import type { Citation } from '@andes-rag/core';
import { describe, expect, it } from 'vitest';
import { checkCitations } from './citation-precision.js';
import { citedSentences } from './cited-sentences.js';
import { parseGrade } from './judge-prompts.js';

const citation = (n: number, text: string): Citation => ({
  n,
  text,
  source: `doc${n}.md`,
  chunkId: `c${n}`,
  documentId: `d${n}`,
  title: `Doc ${n}`,
  headingPath: [],
  startOffset: 0,
  endOffset: text.length,
});

describe('citedSentences', () => {
  it('reads markers per sentence and moves a trailing lone marker to the sentence before', () => {
    expect(citedSentences('Employees get 25 days [1]. Unused days carry over [2, 3]. [4] Nothing else.')).toEqual([
      { text: 'Employees get 25 days.', citations: [1] },
      { text: 'Unused days carry over.', citations: [2, 3, 4] },
      { text: 'Nothing else.', citations: [] },
    ]);
  });
});

describe('checkCitations', () => {
  it('counts a cited pair as supported when half the sentence content words are in the cited chunk', () => {
    const citations = [
      citation(1, 'Every employee receives 25 vacation days per calendar year.'),
      citation(2, 'The VPN client is WireGuard.'),
    ];
    const answer =
      'Employees receive 25 vacation days each year [1]. The VPN client is WireGuard [1][2]. Badges are blue [7].';
    expect(checkCitations(answer, citations)).toEqual({
      sentences: 3,
      citedSentences: 3,
      citations: 4,
      supported: 2,
      precision: 0.5,
    });
  });

  it('checks Chinese sentences against Chinese chunks by their character pairs', () => {
    const citations = [
      citation(1, '该模型采用SwiGLU激活函数，隐藏层维度为4096。'),
      citation(2, '员工每年享有十五天带薪年假。'),
    ];
    const answer = '模型使用SwiGLU激活函数[1]。员工每年有十五天年假[1]。员工每年有十五天年假[2]。';
    expect(checkCitations(answer, citations)).toMatchObject({ citations: 3, supported: 2, precision: 2 / 3 });
  });

  it('gives null precision when nothing is cited', () => {
    expect(checkCitations('No sources were cited here.', [])).toMatchObject({ citations: 0, precision: null });
  });
});

describe('parseGrade', () => {
  it('maps the first digit from 1 to 5 onto 0..1, else null', () => {
    expect(parseGrade(' 5')).toBe(1);
    expect(parseGrade('Grade: 2/5')).toBe(0.25);
    expect(parseGrade('excellent')).toBeNull();
  });
});
