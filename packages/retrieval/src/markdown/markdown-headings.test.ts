import { describe, expect, it } from 'vitest';
import { findMarkdownHeadings } from './markdown-headings.js';

describe('findMarkdownHeadings', () => {
  it('finds ATX and setext headings with their levels, text and offsets', () => {
    const text =
      '# Handbook #\n\nIntro.\n\nBenefits\n========\n\nText.\n\nDental\n---\n\n### The **gym** [card](https://x)\n';
    const headings = findMarkdownHeadings(text);
    expect(headings.map(({ level, text: heading }) => [level, heading])).toEqual([
      [1, 'Handbook'],
      [1, 'Benefits'],
      [2, 'Dental'],
      [3, 'The gym card'],
    ]);
    const benefits = headings[1];
    expect(text.slice(benefits?.start, benefits?.end)).toBe('Benefits\n========');
  });

  it('ignores code blocks, front matter, hashtags, and a rule under a longer paragraph', () => {
    const text = [
      '---',
      'title: x',
      '---',
      '#hashtag is not a heading',
      '',
      '```bash',
      '# install the CLI',
      'npm i',
      '```',
      '',
      'line one',
      'line two',
      '---',
      '',
      '~~~~',
      '## still code',
      '~~~',
      '~~~~',
      '## Real',
    ].join('\n');
    expect(findMarkdownHeadings(text).map((heading) => heading.text)).toEqual(['Real']);
  });
});
