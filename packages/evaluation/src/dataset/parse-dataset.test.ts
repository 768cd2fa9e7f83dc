import { describe, expect, it } from 'vitest';
import { parseEvaluationDataset } from './parse-dataset.js';

describe('parseEvaluationDataset', () => {
  it('reads one question per line, skipping blank lines, with ids from the file or the line number', () => {
    const text = [
      '{"question": "How many vacation days?", "relevant": ["handbook/vacation.md"], "answer": "25"}',
      '',
      '{"id": "vpn", "question": " VPN drops ", "relevant": ["it/vpn.md", "it/vpn.md", "it/wifi.md"], "note": "ignored"}',
    ].join('\n');
    const dataset = parseEvaluationDataset(text, { name: 'handbook' });
    expect(dataset).toEqual({
      name: 'handbook',
      questions: [
        { id: 'q1', question: 'How many vacation days?', relevant: ['handbook/vacation.md'], answer: '25', line: 1 },
        { id: 'vpn', question: 'VPN drops', relevant: ['it/vpn.md', 'it/wifi.md'], line: 3 },
      ],
    });
  });

  it('reports every bad line with its number', () => {
    const text = [
      '{"question": "fine", "relevant": ["a.md"]}',
      '{"question": "no sources", "relevant": []}',
      'not json',
      '{"relevant": ["a.md"]}',
      '{"id": "q1", "question": "duplicate id", "relevant": ["a.md"]}',
    ].join('\n');
    let error: unknown;
    try {
      parseEvaluationDataset(text, { name: 'bad', label: 'bad.jsonl' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'invalid_request' });
    const message = (error as Error).message;
    expect(message).toContain('bad.jsonl');
    expect(message).toMatch(/line 2: relevant: /);
    expect(message).toMatch(/line 3: not valid JSON/);
    expect(message).toMatch(/line 4: question: /);
    expect(message).toContain('line 5: id "q1" is used twice');
  });

  it('rejects a dataset without questions', () => {
    expect(() => parseEvaluationDataset('\n\n', { name: 'empty' })).toThrow(/no questions/);
  });
});
