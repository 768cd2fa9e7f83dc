import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateAnswers } from '../answers/evaluate-answers.js';
import { compareConfigurations } from '../comparison/compare-configurations.js';
import { parseEvaluationDataset } from '../dataset/parse-dataset.js';
import { createEvaluationReport } from './evaluation-report.js';
import { isReportId, reportId } from './report-id.js';
import { writeEvaluationReport } from './write-report.js';

const dataset = parseEvaluationDataset(
  [
    '{"id": "x", "question": "What does <script>alert(1)</script> do?", "relevant": ["a.md"]}',
    '{"id": "y", "question": "Where is b?", "relevant": ["b.md"]}',
  ].join('\n'),
  { name: 'Hostile & <Name>' },
);
const directories: string[] = [];
afterAll(async () => Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true }))));

describe('report ids', () => {
  it('are a UTC timestamp and a slug, and reject path syntax', () => {
    expect(reportId(new Date('2025-01-02T03:04:05.678Z'), 'State of the Union!')).toBe(
      '20250102T030405Z-state-of-the-union',
    );
    expect(isReportId('20250102T030405Z-sotu-2')).toBe(true);
    for (const bad of [
      '../etc/passwd',
      '20250102T030405Z-a/b',
      '20250102T030405Z-a.json',
      '20250102T030405Z-',
      'sotu',
    ]) {
      expect(isReportId(bad)).toBe(false);
    }
  });
});

describe('writeEvaluationReport', () => {
  it('writes JSON and a self-contained, escaped HTML page, never overwriting an earlier report', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'andes-eval-report-'));
    directories.push(directory);
    const retrieve = async (question: string) => [
      { source: question.includes('b') ? 'docs/b.md' : 'docs/c.md' },
      { source: 'docs/a.md' },
    ];
    const retrieval = await compareConfigurations({
      dataset,
      configurations: [
        { name: 'default', retrieve },
        { name: 'other', retrieve: async () => [{ source: 'docs/a.md' }] },
      ],
    });
    const answers = await evaluateAnswers({
      dataset,
      answer: async () => ({
        answer: 'The answer is here [1].',
        mode: 'generative',
        citations: [
          {
            n: 1,
            source: 'docs/a.md',
            chunkId: 'c',
            documentId: 'd',
            title: 'A',
            headingPath: [],
            text: 'The answer is here.',
            startOffset: 0,
            endOffset: 19,
          },
        ],
      }),
    });
    const createdAt = new Date('2025-01-02T03:04:05Z');
    const report = createEvaluationReport({
      dataset,
      retrieval,
      answers,
      context: { collection: 'default' },
      createdAt,
    });
    const first = await writeEvaluationReport(report, directory);
    const second = await writeEvaluationReport(createEvaluationReport({ dataset, retrieval, createdAt }), directory);
    expect(first.id).toBe('20250102T030405Z-hostile-name');
    expect(second.id).toBe('20250102T030405Z-hostile-name-2');
    expect((await readdir(directory)).sort()).toHaveLength(4);

    const json = JSON.parse(await readFile(first.jsonPath, 'utf8'));
    expect(json).toMatchObject({
      format: 'andes-evaluation-report',
      version: 1,
      id: first.id,
      context: { collection: 'default' },
    });
    expect(json.retrieval.configurations.map((entry: { name: string }) => entry.name)).toEqual(['default', 'other']);
    expect(json.answers.citationPrecision).toMatchObject({ value: 1, method: 'lexical-overlap' });

    const html = await readFile(first.htmlPath, 'utf8');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\//i);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('1 wins, 1 losses, 0 ties against default');
  });
});
