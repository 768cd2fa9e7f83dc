import { describe, expect, it } from 'vitest';
import { generatedLines } from './generated-lines.js';

describe('generatedLines', () => {
  it('strips list markers, labels and quotes, and drops empty lines', () => {
    const reply =
      '1. "paid time off per year"\n\n- Query: annual leave allowance\n* holiday entitlement\n2) vacation days  \n';
    expect(generatedLines(reply)).toEqual([
      'paid time off per year',
      'annual leave allowance',
      'holiday entitlement',
      'vacation days',
    ]);
    expect(generatedLines('Standalone question: How many vacation days do part-time employees get?')).toEqual([
      'How many vacation days do part-time employees get?',
    ]);
    expect(generatedLines('  \n \n')).toEqual([]);
  });
});
