import { describe, expect, it } from 'vitest';
import { createProgressReporter } from './progress.js';
import { printableName } from './printable-name.js';

describe('printableName', () => {
  it('keeps ordinary names, Unicode included', () => {
    expect(printableName('handbook/Überblick – 2024.md')).toBe('handbook/Überblick – 2024.md');
  });

  it('escapes newlines, carriage returns, escape sequences and bidi overrides', () => {
    expect(printableName('a\nandes: failed b.md')).toBe('a\\nandes: failed b.md');
    expect(printableName('x\r\u001b[2Ky\u202Egpj.md')).toBe('x\\r\\u001b[2Ky\\u202egpj.md');
  });

  it('doubles backslashes so an escape cannot be faked', () => {
    expect(printableName('a\\nb')).toBe('a\\\\nb');
  });
});

describe('progress lines', () => {
  it('print a file name with a newline on one line', () => {
    const written: string[] = [];
    const stream = { isTTY: false, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
    const progress = createProgressReporter(stream);
    progress.update({ done: 1, total: 2, source: 'evil.md\ningested 2/2 fake.md' });
    expect(written.join('')).toBe('ingested 1/2 evil.md\\ningested 2/2 fake.md\n');
  });
});
