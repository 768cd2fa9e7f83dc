import { describe, expect, it } from 'vitest';
import { parseEvaluationDataset } from '../dataset/parse-dataset.js';
import { createEvaluationReport } from '../report/evaluation-report.js';
import { renderHtmlReport } from '../report/html/render-html-report.js';
import { formatComparisonTable } from '../report/text/format-comparison-table.js';
import { compareConfigurations } from './compare-configurations.js';

// Ten questions: the baseline finds every answer second; the candidate finds eight first and misses two.
const dataset = parseEvaluationDataset(
  Array.from({ length: 10 }, (_unused, index) =>
    JSON.stringify({ id: `q${index}`, question: `question ${index}`, relevant: [`d${index}.md`] }),
  ).join('\n'),
  { name: 'paired' },
);
const questionIndex = (question: string) => Number(question.split(' ')[1]);

describe('paired comparison against the baseline', () => {
  it('counts wins, losses and ties and gives the two-sided sign test p-value in JSON, table and HTML', async () => {
    const retrieval = await compareConfigurations({
      dataset,
      configurations: [
        {
          name: 'baseline',
          retrieve: async (question) => [{ source: 'other.md' }, { source: `d${questionIndex(question)}.md` }],
        },
        {
          name: 'candidate',
          retrieve: async (question) =>
            questionIndex(question) < 8 ? [{ source: `d${questionIndex(question)}.md` }] : [],
        },
        {
          name: 'same',
          retrieve: async (question) => [{ source: 'x.md' }, { source: `d${questionIndex(question)}.md` }],
        },
      ],
    });
    const candidate = retrieval.configurations.find((configuration) => configuration.name === 'candidate');
    // 8 wins, 2 losses: p = 2 × (C(10,0) + C(10,1) + C(10,2)) / 2^10 = 112 / 1024.
    expect(candidate?.versusBaseline).toMatchObject({ baseline: 'baseline', wins: 8, losses: 2, ties: 0 });
    expect(candidate?.versusBaseline?.signTestP).toBeCloseTo(112 / 1024, 12);
    const same = retrieval.configurations.find((configuration) => configuration.name === 'same');
    expect(same?.versusBaseline).toMatchObject({ wins: 0, losses: 0, ties: 10, signTestP: 1 });

    const table = formatComparisonTable(retrieval).split('\n');
    expect(table[0]).toMatch(/W\/L\/T\s+sign p$/);
    expect(table.find((line) => line.includes('candidate'))).toMatch(/8\/2\/0\s+0\.109$/);
    expect(table.find((line) => line.includes('same'))).toMatch(/0\/0\/10\s+1$/);
    expect(table.find((line) => line.includes('baseline *'))).toMatch(/—\s+—$/);

    const html = renderHtmlReport(
      createEvaluationReport({ dataset, retrieval, createdAt: new Date('2025-01-02T03:04:05Z') }),
    );
    expect(html).toContain('8 wins, 2 losses, 0 ties against baseline (two-sided sign test p = 0.109)');
  });
});
