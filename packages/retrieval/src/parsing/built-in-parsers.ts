import { csvParser } from './csv/csv-parser.js';
import type { DocumentParser } from './document-parser.js';
import { docxParser } from './docx/docx-parser.js';
import { htmlParser } from './html/html-parser.js';
import { markdownParser } from './markdown-parser.js';
import { pdfParser } from './pdf/pdf-parser.js';
import { plainTextParser } from './plain-text-parser.js';
import { rstParser } from './text/rst-parser.js';

/** Every built-in parser, each parsing in the calling thread, in the order they are registered. */
export const builtInParsers: readonly DocumentParser[] = [
  markdownParser,
  plainTextParser,
  rstParser,
  htmlParser,
  csvParser,
  pdfParser,
  docxParser,
];
