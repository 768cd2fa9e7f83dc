import { describe, expect, it } from 'vitest';
import { parseEvaluationDataset } from '../dataset/parse-dataset.js';
import { checkQualityGates } from '../gates/check-quality-gates.js';
import { parseQualityGate } from '../gates/quality-gate.js';
import { compareConfigurations } from './compare-configurations.js';

// Retrieval is injected: these lists stand in for three retrievers so the evaluator's arithmetic can be checked.
const dataset = parseEvaluationDataset(
  [
    '{"id": "a", "question": "alpha", "relevant": ["docs/a.md"]}',
    '{"id": "b", "question": "beta", "relevant": ["docs/b.md"]}',
  ].join('\n'),
  { name: 'tiny' },
);
const lists: Record<string, Record<string, string[]>> = {
  perfect: { alpha: ['docs/a.md', 'docs/b.md'], beta: ['docs/b.md'] },
  second: { alpha: ['docs/b.md', 'docs/a.md'], beta: ['x.md', 'x.md', 'docs/b.md'] },
  broken: {},
};
const configuration = (name: string) => ({
  name,
  retrieve: async (question: string) => {
    const sources = lists[name]?.[question];
    if (!sources) throw new Error(`no results for ${question}`);
    return sources.map((source) => ({ source: `repo/${source}` }));
  },
});

describe('compareConfigurations', () => {
  it('ranks configurations by MRR@10, compares each with the baseline and lists skipped ones', async () => {
    const result = await compareConfigurations({
      dataset,
      k: 1,
      configurations: [
        configuration('second'),
        configuration('perfect'),
        configuration('broken'),
        { name: 'dense', skipped: 'no embedding model configured' },
      ],
    });
    expect(result.baseline).toBe('second');
    expect(result.depth).toBe(10);
    expect(result.configurations.map((entry) => [entry.name, entry.rank, entry.summary.mrrAt10])).toEqual([
      ['perfect', 1, 1],
      ['second', 2, 0.5],
      ['broken', 3, 0],
    ]);
    const [perfect, second, broken] = result.configurations;
    expect(second?.summary).toMatchObject({ hitAtK: 0, recallAtK: 0, errors: 0 });
    expect(second?.summary.hitCurve.slice(0, 2)).toEqual([0, 1]);
    expect(perfect?.versusBaseline).toMatchObject({ baseline: 'second', wins: 2, losses: 0, ties: 0 });
    expect(second?.versusBaseline).toBeUndefined();
    expect(broken?.summary.errors).toBe(2);
    expect(broken?.questions[0]?.error).toBe('no results for alpha');
    expect(second?.questions[1]).toMatchObject({
      id: 'b',
      documents: ['repo/x.md', 'repo/docs/b.md'],
      firstRelevantRank: 2,
    });
    expect(result.skipped).toEqual([{ name: 'dense', skipped: 'no embedding model configured' }]);
    expect(second?.latency.p95Ms).toBeGreaterThanOrEqual(second?.latency.p50Ms ?? 0);
  });

  it('rejects duplicate names, an unknown baseline and a run with nothing to run', async () => {
    await expect(
      compareConfigurations({ dataset, configurations: [configuration('perfect'), configuration('perfect')] }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(
      compareConfigurations({ dataset, configurations: [configuration('perfect')], baseline: 'nope' }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(
      compareConfigurations({ dataset, configurations: [{ name: 'dense', skipped: 'none' }] }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
  });
});

describe('quality gates', () => {
  it('parses METRIC=VALUE and rejects anything else', () => {
    expect(parseQualityGate('MRR@10=0.5')).toEqual({ metric: 'mrr@10', minimum: 0.5 });
    expect(parseQualityGate('recall@5 = .8')).toEqual({ metric: 'recall@5', minimum: 0.8 });
    for (const bad of ['mrr@10', 'mrr@10=high', 'precision@3=0.5', 'mrr@10=1.5', 'recall@0=0.5']) {
      expect(() => parseQualityGate(bad)).toThrow(expect.objectContaining({ code: 'invalid_request' }));
    }
  });

  it('checks gates on the baseline; an unmeasured metric fails', async () => {
    const result = await compareConfigurations({ dataset, configurations: [configuration('second')] });
    const baseline = result.configurations[0];
    if (!baseline) throw new Error('no baseline');
    const gates = ['mrr@10=0.5', 'hit@1=0.1', 'recall@2=1', 'faithfulness=0.1'].map(parseQualityGate);
    expect(checkQualityGates(gates, baseline).map((gate) => [gate.metric, gate.actual, gate.passed])).toEqual([
      ['mrr@10', 0.5, true],
      ['hit@1', 0, false],
      ['recall@2', 1, true],
      ['faithfulness', null, false],
    ]);
  });
});
