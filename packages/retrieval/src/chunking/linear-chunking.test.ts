import { describe, expect, it } from 'vitest';
import { chunkDocument } from './chunk-document.js';

// Chunking used to rebuild a map of every heading for every section: 60,000 headings took more than ten minutes.
// Now the whole document is chunked in one pass; this test would time out on the quadratic version.
describe('chunkDocument on very large documents', () => {
  it('chunks a 6.6 MB markdown file with 60,000 headings, each section under its own heading path', () => {
    const sections = Array.from(
      { length: 60_000 },
      (_, index) =>
        `## Section ${index}\n\nSection ${index} explains the settings of part ${index}. It has two sentences.\n`,
    );
    const text = `# Manual\n\n${sections.join('\n')}`;
    const chunks = chunkDocument({ text, mediaType: 'text/markdown' });
    expect(chunks).toHaveLength(60_000);
    expect(chunks[59_999]?.headingPath).toEqual(['Manual', 'Section 59999']);
    expect(chunks[12_345]?.text).toBe(
      '## Section 12345\n\nSection 12345 explains the settings of part 12345. It has two sentences.',
    );
  }, 30_000);

  it('cuts pages of a many-page, many-section document at every page start', () => {
    const pages = Array.from(
      { length: 5_000 },
      (_, index) => `# Page ${index}\n\nText of page ${index}.\n\n## Part ${index}\n\nMore on ${index}.\n`,
    );
    const pageStarts: number[] = [];
    let offset = 0;
    for (const page of pages) {
      pageStarts.push(offset);
      offset += page.length;
    }
    const chunks = chunkDocument({ text: pages.join(''), mediaType: 'text/markdown', pageStarts });
    expect(chunks).toHaveLength(10_000);
    expect(chunks.map((chunk) => chunk.page)).toEqual(
      Array.from({ length: 10_000 }, (_, index) => Math.floor(index / 2) + 1),
    );
  }, 30_000);
});
