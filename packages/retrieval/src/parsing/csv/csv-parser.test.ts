import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../chunking/chunk-document.js';
import { ParserRegistry } from '../parser-registry.js';
import { parseDocument } from '../parse-document.js';
import { csvParser } from './csv-parser.js';

const parsers = new ParserRegistry().register(csvParser);
const parseCsv = (text: string, source = 'rates.csv') =>
  parseDocument({ source, bytes: new TextEncoder().encode(text), parsers });

describe('CSV parsing', () => {
  it('writes the rows as a markdown table under the header row, with quotes, line breaks and pipes handled', async () => {
    const document = await parseCsv(
      '\uFEFFcity,rate,note\nBerlin,45,"per day, meals"\n"Oslo",60,"two\nlines"\n\nRome,40,a|b\nLisbon,35\n',
    );
    expect(document).toMatchObject({ mediaType: 'text/csv', title: 'rates' });
    expect(document.text).toBe(
      '| city | rate | note |\n| --- | --- | --- |\n| Berlin | 45 | per day, meals |\n| Oslo | 60 | two lines |\n| Rome | 40 | a\\|b |\n| Lisbon | 35 |  |',
    );
  });

  it('guesses semicolon and tab delimiters from the first line', async () => {
    expect((await parseCsv('name;amount\nA;1,5\n')).text).toContain('| A | 1,5 |');
    expect((await parseCsv('name\tamount\nA\t2\n', 'data.csv')).text).toContain('| A | 2 |');
  });

  it('indexes every row together with the header row', async () => {
    const rows = Array.from(
      { length: 120 },
      (_, index) => `employee ${index},office ${index % 7},badge ${1000 + index}`,
    );
    const document = await parseCsv(['name,office,badge number', ...rows].join('\n'));
    const chunks = chunkDocument(document, { targetWords: 60, overlapWords: 10 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(chunk.text.startsWith('| name | office | badge number |\n| --- | --- | --- |\n')).toBe(true);
      expect(chunk.text.endsWith(document.text.slice(chunk.startOffset, chunk.endOffset))).toBe(true);
    }
    const indexed = chunks.flatMap((chunk) => chunk.text.split('\n').slice(2));
    expect(indexed).toEqual(rows.map((row) => `| ${row.split(',').join(' | ')} |`));
  });

  it('rejects malformed CSV and an empty file as parse_failed', async () => {
    await expect(parseCsv('a,b\n"unclosed,1\n')).rejects.toMatchObject({
      code: 'parse_failed',
      message: expect.stringContaining('rates.csv'),
    });
    await expect(parseCsv('\n\n')).rejects.toMatchObject({ code: 'parse_failed' });
  });
});
