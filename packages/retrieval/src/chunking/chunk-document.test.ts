import { describe, expect, it } from 'vitest';
import { chunkDocument } from './chunk-document.js';
import { countWords } from './count-words.js';

/** Small seeded generator (mulberry32), so a failing document can be reproduced from its seed. */
function randomSource(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const integer = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]) => items[integer(items.length)] as T;
  return { next, integer, pick };
}

const vocabulary = [
  'the',
  'VPN',
  'laptop',
  'expense',
  'policy',
  'approval',
  'e.g.',
  'Dr.',
  'café',
  '日本語',
  'on-call',
  '3.5',
  'U.S.',
  'x',
];

function randomTable(random: ReturnType<typeof randomSource>): string {
  const columns = 1 + random.integer(3);
  const row = () => `| ${Array.from({ length: columns }, () => random.pick(vocabulary)).join(' | ')} |`;
  const caption = random.next() < 0.5 ? `Table ${random.integer(9)}: ${random.pick(vocabulary)}\n` : '';
  return `${caption}${row()}\n|${' --- |'.repeat(columns)}\n${Array.from({ length: 1 + random.integer(30) }, row).join('\n')}`;
}

function randomDocument(seed: number, withTables: boolean): string {
  const random = randomSource(seed);
  const sentence = (length: number) =>
    Array.from({ length }, () => random.pick(vocabulary)).join(' ') + random.pick(['.', '!', '?', '', '...']);
  const blocks: string[] = random.next() < 0.2 ? ['---\ntitle: t\n---'] : [];
  const blockCount = 1 + random.integer(40);
  for (let index = 0; index < blockCount; index += 1) {
    const kind = random.next();
    if (kind < 0.2) blocks.push(`${'#'.repeat(1 + random.integer(4))} ${sentence(1 + random.integer(4))}`);
    else if (kind < 0.25) blocks.push(`${sentence(2)}\n${random.pick(['===', '---'])}`);
    else if (kind < 0.35) blocks.push(['```sh', '# not a heading', sentence(random.integer(300)), '```'].join('\n'));
    else if (kind < 0.45)
      blocks.push(
        Array.from({ length: 1 + random.integer(6) }, () => `- ${sentence(3 + random.integer(10))}`).join('\n'),
      );
    else if (kind < 0.5) blocks.push(sentence(250 + random.integer(300)));
    else if (kind < 0.6 && withTables) blocks.push(randomTable(random));
    else
      blocks.push(
        Array.from({ length: 1 + random.integer(12) }, () => sentence(1 + random.integer(25))).join(
          random.pick([' ', '  ', '\n']),
        ),
      );
  }
  return blocks.join(random.pick(['\n\n', '\n\n\n', '\n \n'])) + random.pick(['', '\n', '  \n\n']);
}

/** Three to six page breaks at random line starts (always one at 0). */
function randomPageStarts(text: string, seed: number): number[] {
  const random = randomSource(seed * 7919);
  const lineStarts = [...text.matchAll(/\n/g)].map((match) => match.index + 1);
  const cuts = Array.from({ length: 3 + random.integer(4) }, () => lineStarts[random.integer(lineStarts.length)] ?? 0);
  return [...new Set([0, ...cuts])].sort((first, second) => first - second);
}

describe('chunkDocument', () => {
  it('keeps text === slice(start, end) (after a repeated table header), covers every non-blank character and stays on its page, on 300 random documents', () => {
    const violations: string[] = [];
    const check = (holds: boolean, what: string) => {
      if (!holds) violations.push(what);
    };
    for (let seed = 1; seed <= 300; seed += 1) {
      const targetWords = [200, 50, 12][seed % 3] as number;
      const text = randomDocument(seed, targetWords >= 50);
      const overlapWords = Math.min(30, targetWords - 1);
      const pageStarts = seed % 2 === 0 ? randomPageStarts(text, seed) : undefined;
      const chunks = chunkDocument(
        { text, mediaType: 'text/markdown', ...(pageStarts ? { pageStarts } : {}) },
        { targetWords, overlapWords },
      );
      const covered = new Uint8Array(text.length);
      chunks.forEach((chunk, index) => {
        const context = `seed ${seed}, chunk ${index}`;
        const slice = text.slice(chunk.startOffset, chunk.endOffset);
        check(chunk.index === index, `${context}: index ${chunk.index}`);
        const header = chunk.text.slice(0, Math.max(0, chunk.text.length - slice.length - 1));
        const repeatsHeader =
          chunk.text === `${header}\n${slice}` &&
          /\n\|( --- \|)+$/.test(header) &&
          text.slice(0, chunk.startOffset).includes(header);
        check(
          chunk.text === slice || repeatsHeader,
          `${context}: text is neither the slice nor a table header and the slice`,
        );
        check(slice !== '' && slice === slice.trim(), `${context}: empty or untrimmed`);
        if (pageStarts) {
          const page = chunk.page as number;
          const pageEnd = pageStarts[page] ?? text.length;
          check(
            (pageStarts[page - 1] as number) <= chunk.startOffset && chunk.endOffset <= pageEnd,
            `${context}: not within page ${page}`,
          );
        } else {
          check(chunk.page === undefined, `${context}: has a page`);
        }
        check(countWords(chunk.text) <= targetWords * 1.25, `${context}: ${countWords(chunk.text)} words`);
        const previous = chunks[index - 1];
        if (previous) {
          check(chunk.startOffset > previous.startOffset, `${context}: does not advance`);
          const overlap = text.slice(chunk.startOffset, Math.max(chunk.startOffset, previous.endOffset));
          check(countWords(overlap) <= overlapWords, `${context}: overlaps ${countWords(overlap)} words`);
        }
        covered.fill(1, chunk.startOffset, chunk.endOffset);
      });
      const uncovered = text.split('').findIndex((character, offset) => /\S/.test(character) && covered[offset] === 0);
      check(uncovered === -1, `seed ${seed}: offset ${uncovered} is in no chunk`);
    }
    expect(violations.slice(0, 10)).toEqual([]);
  });

  it('records the heading path, outermost first, and keeps a heading with the text under it', () => {
    const text = [
      'Preface text.',
      '# Employee Handbook',
      '## Benefits',
      '### Dental',
      'Dental cover starts after three months.',
      '```',
      '# this is a code comment',
      '```',
      '## Equipment',
      'Laptops are replaced every three years.',
      'Security\n--------',
      'Report phishing to security@acme.example.',
    ].join('\n\n');
    const chunks = chunkDocument({ text, mediaType: 'text/markdown' });
    expect(chunks.map((chunk) => [chunk.headingPath, chunk.text.split('\n')[0]])).toEqual([
      [[], 'Preface text.'],
      [['Employee Handbook', 'Benefits', 'Dental'], '# Employee Handbook'],
      [['Employee Handbook', 'Equipment'], '## Equipment'],
      [['Employee Handbook', 'Security'], 'Security'],
    ]);
    expect(chunks[1]?.text).toContain('# this is a code comment');
  });

  it('cuts a long section at paragraph boundaries first, and overlaps only when cutting inside a paragraph', () => {
    const paragraph = (label: string) =>
      Array.from({ length: 6 }, (_, index) => `${label} sentence ${index} has six words.`).join(' ');
    const text = `# Policy\n\n${paragraph('First')}\n\n${paragraph('Second')}\n\n${paragraph('Third')}`;
    const chunks = chunkDocument({ text, mediaType: 'text/markdown' }, { targetWords: 40, overlapWords: 8 });
    expect(chunks.map((chunk) => chunk.text.slice(0, 14))).toEqual([
      '# Policy\n\nFirs',
      'Second sentenc',
      'Third sentence',
    ]);
    expect(chunks.every((chunk) => chunk.headingPath[0] === 'Policy')).toBe(true);

    const long = `# Policy\n\n${Array.from({ length: 20 }, (_, index) => `Sentence ${index} has five words.`).join(' ')}`;
    const cut = chunkDocument({ text: long, mediaType: 'text/markdown' }, { targetWords: 40, overlapWords: 10 });
    expect(cut.length).toBeGreaterThan(2);
    expect(cut[1]?.startOffset).toBeLessThan(cut[0]?.endOffset as number);
    expect(cut[1]?.text.startsWith('Sentence')).toBe(true);
  });

  it('follows the headings a plain-text parser wrote, unless told not to', () => {
    const text = '# Section title\n\nplain words';
    expect(chunkDocument({ text, mediaType: 'text/plain' })[0]?.headingPath).toEqual(['Section title']);
    expect(chunkDocument({ text, mediaType: 'text/plain' }, { markdownHeadings: false })[0]?.headingPath).toEqual([]);
  });

  it('rejects impossible sizes', () => {
    expect(() => chunkDocument({ text: 'x', mediaType: 'text/plain' }, { targetWords: 0 })).toThrow(/targetWords/);
    expect(() => chunkDocument({ text: 'x', mediaType: 'text/plain' }, { targetWords: 10, overlapWords: 10 })).toThrow(
      /overlapWords/,
    );
  });
});
