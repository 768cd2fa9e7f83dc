import { parse } from 'csv-parse/sync';
import { AndesError } from '@andes-rag/core';
import type { DocumentParser, ParsedText, ParserInput } from '../document-parser.js';
import { readTextInput } from '../read-text-input.js';
import { csvTableText } from './csv-table-text.js';
import { guessCsvDelimiter } from './guess-csv-delimiter.js';

/**
 * CSV (`.csv`), parsed by csv-parse (quotes, embedded line breaks, a byte-order mark, rows of uneven length) with
 * the delimiter guessed from the first line (`,`, `;` or tab). The text is one markdown pipe table whose header is
 * the first row, so the chunker repeats it in every chunk: each row is indexed together with the header row.
 *
 * @throws AndesError `parse_failed` for malformed CSV (an unclosed quote).
 */
export const csvParser: DocumentParser = {
  mediaType: 'text/csv',
  extensions: ['.csv'],
  binary: false,
  parse(input: ParserInput): ParsedText {
    const text = readTextInput(input);
    let records: string[][];
    try {
      records = parse(text, {
        delimiter: guessCsvDelimiter(text),
        bom: true,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AndesError('parse_failed', `"${input.source}" is not valid CSV: ${reason}`, {
        cause: error,
        details: { source: input.source },
      });
    }
    const rows = records.filter((record) => record.some((cell) => cell.trim() !== ''));
    return { text: csvTableText(rows) };
  },
};
