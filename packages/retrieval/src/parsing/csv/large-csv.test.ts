import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../chunking/chunk-document.js';
import { ParserRegistry } from '../parser-registry.js';
import { parseDocument } from '../parse-document.js';
import { csvParser } from './csv-parser.js';

describe('a CSV with hundreds of thousands of rows', () => {
  it('is parsed and chunked with every row indexed under the header (no "Maximum call stack size exceeded")', async () => {
    // 300,000 rows overflow the call stack wherever the rows are spread into one call's arguments; a 10⁶-row file
    // takes the same path, only slower.
    const rows = Array.from({ length: 300_000 }, (_, index) => String(index));
    const bytes = new TextEncoder().encode(`id\n${rows.join('\n')}\n`);
    const document = await parseDocument({
      source: 'ids.csv',
      bytes,
      parsers: new ParserRegistry().register(csvParser),
    });
    const chunks = chunkDocument(document);
    const indexed = chunks.flatMap((chunk) => chunk.text.split('\n').slice(2));
    expect(chunks.every((chunk) => chunk.text.startsWith('| id |\n| --- |\n'))).toBe(true);
    expect(indexed).toHaveLength(300_000);
    expect(indexed[299_999]).toBe('| 299999 |');
  }, 30_000);
});
