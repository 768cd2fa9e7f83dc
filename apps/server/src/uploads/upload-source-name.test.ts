import { describe, expect, it } from 'vitest';
import type { AndesError } from '@andes-rag/core';
import { uploadSourceName } from './upload-source-name.js';

describe('uploadSourceName', () => {
  it.each([
    ['notes.md', 'notes.md'],
    ['handbook/onboarding/laptops.md', 'handbook/onboarding/laptops.md'],
    ['../../etc/passwd', 'etc/passwd'],
    ['/etc/passwd', 'etc/passwd'],
    ['handbook/../../../secret.md', 'handbook/secret.md'],
    ['..\\..\\windows\\system.ini', 'windows/system.ini'],
    ['C:\\Users\\ana\\notes.md', 'Users/ana/notes.md'],
    ['./a//b/./c.txt', 'a/b/c.txt'],
    ['bad\u0000name\n.md', 'badname.md'],
    [' .. /x.md', 'x.md'],
  ])('turns %j into %j', (name, source) => {
    expect(uploadSourceName(name)).toBe(source);
  });

  it('repairs UTF-8 names that arrived decoded as Latin-1', () => {
    const asReceived = Buffer.from('Résumé/café.md', 'utf8').toString('latin1');
    expect(uploadSourceName(asReceived)).toBe('Résumé/café.md');
    expect(uploadSourceName('café.md')).toBe('café.md');
  });

  it.each(['', '..', '/', '../..', '\\\\'])('rejects %j, which has no usable name', (name) => {
    expect(() => uploadSourceName(name)).toThrow(expect.objectContaining({ code: 'invalid_request' }) as AndesError);
  });

  it('rejects names over 1024 characters', () => {
    expect(() => uploadSourceName('a'.repeat(1025))).toThrow(/longer than 1024/);
  });
});
