import { describe, expect, it } from 'vitest';
import { chunkDocument } from './chunk-document.js';

const table = (rows: number) =>
  [
    '| Office | Badge colour | Opening hours |',
    '| --- | :-: | --- |',
    ...Array.from({ length: rows }, (_, index) => `| Office ${index} | blue | 8 to ${index % 12} |`),
  ].join('\n');

describe('chunkDocument on tables', () => {
  it('keeps a small table whole, with its caption and under its heading', () => {
    const text = `# Facilities\n\n## Badges\n\nEvery office issues its own badges.\n\nTable 3: Badge colours by office\n${table(3)}\n\nLost badges cost 20 EUR.`;
    const chunks = chunkDocument({ text, mediaType: 'text/markdown' });
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.headingPath).toEqual(['Facilities', 'Badges']);
  });

  it('repeats the caption and header row in every chunk of a long table, pointing at the rows it holds', () => {
    const text = `# Facilities\n\nIntro paragraph about offices.\n\nBadge colours by office\n${table(60)}\n\nClosing words.`;
    const chunks = chunkDocument({ text, mediaType: 'text/markdown' }, { targetWords: 80, overlapWords: 10 });
    const header = 'Badge colours by office\n| Office | Badge colour | Opening hours |\n| --- | :-: | --- |';
    const tableChunks = chunks.filter((chunk) => chunk.text.includes('| Office '));
    expect(tableChunks.length).toBeGreaterThan(3);
    for (const chunk of tableChunks) {
      expect(chunk.headingPath).toEqual(['Facilities']);
      const slice = text.slice(chunk.startOffset, chunk.endOffset);
      if (chunk.text === slice) expect(slice).toContain(header);
      else expect(chunk.text).toBe(`${header}\n${slice}`);
      expect(slice.startsWith('| --- ')).toBe(false);
    }
    const rows = tableChunks.flatMap((chunk) =>
      text
        .slice(chunk.startOffset, chunk.endOffset)
        .split('\n')
        .filter((line) => /^\| Office \d/.test(line)),
    );
    expect(rows).toHaveLength(60);
    expect(chunks.at(-1)?.text.endsWith('Closing words.')).toBe(true);
  });

  it('takes a "Table …" paragraph right before a table as its caption', () => {
    const text = `Table 7: Opening hours\n\n${table(30)}`;
    const chunks = chunkDocument({ text, mediaType: 'text/markdown' }, { targetWords: 60, overlapWords: 5 });
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks)
      expect(
        chunk.text.startsWith('Table 7: Opening hours\n\n| Office |') ||
          chunk.text.startsWith('Table 7: Opening hours\n| Office |'),
      ).toBe(true);
  });

  it('leaves pipes in plain text alone', () => {
    const text = `a | b\n--- | ---\n${'c | d\n'.repeat(40)}`;
    const chunks = chunkDocument({ text, mediaType: 'text/plain' }, { targetWords: 20, overlapWords: 2 });
    for (const chunk of chunks) expect(chunk.text).toBe(text.slice(chunk.startOffset, chunk.endOffset));
  });
});

describe('chunkDocument on paged documents', () => {
  it("records each chunk's page and never lets a chunk span two pages", () => {
    const pages = [
      '# Manual\n\nPage one text.',
      'Page two starts mid-section. More words here.',
      '## Appendix\n\nPage three.',
    ];
    const text = pages.join('\n\n');
    const pageStarts = pages.map((page) => text.indexOf(page));
    const chunks = chunkDocument({ text, mediaType: 'application/pdf', pageStarts });
    expect(chunks.map((chunk) => [chunk.page, chunk.headingPath, chunk.text])).toEqual([
      [1, ['Manual'], '# Manual\n\nPage one text.'],
      [2, ['Manual'], 'Page two starts mid-section. More words here.'],
      [3, ['Manual', 'Appendix'], '## Appendix\n\nPage three.'],
    ]);
  });
});
