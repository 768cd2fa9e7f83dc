import { describe, expect, it } from 'vitest';
import { chunkIndexText } from './chunk-index-text.js';

describe('chunkIndexText', () => {
  it('puts the title and the heading path before the text, without repeating the title', () => {
    expect(
      chunkIndexText({ title: 'Handbook', headingPath: ['Handbook', 'Benefits', 'Dental'], text: 'Cover starts.' }),
    ).toBe('Handbook\nBenefits > Dental\n\nCover starts.');
    expect(chunkIndexText({ title: 'notes', headingPath: [], text: 'Plain.' })).toBe('notes\n\nPlain.');
  });
});
